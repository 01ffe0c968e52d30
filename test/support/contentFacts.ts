// What content tests need from the bot, gathered in one import.
export { ContentError, flattenKeys, GUIDANCE_FILES, loadContent } from '../../bot/content';
