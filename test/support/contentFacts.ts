// What content tests need from the bot, gathered in one import.
export { ContentError, loadContent } from '../../bot/content/loadContent';
export { flattenKeys } from '../../bot/content/localeSchema';
export { GUIDANCE_FILES } from '../../bot/content/vocabulary';
