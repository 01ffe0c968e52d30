// What content tests need from the bot, gathered in one import.
export { COMMANDS, ContentError, flattenKeys, GUIDANCE_FILES, loadContent, ROLES } from '../../bot/content';
export { WEEKDAYS as WEEKDAYS_FOR_TESTS } from '../../bot/area';
