import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * The schemas use zod's functional build (zod/mini): the same checks, issues and messages as the
 * classic API at a fraction of its weight in the element bundle. zod/mini starts without a
 * locale, yet issue messages reach people (a refused plan or file says what is wrong), so English
 * is set here the way classic zod sets it itself: only when the page's zod config (shared through
 * globalThis) has no locale yet, so a host's own choice wins.
 */
if (!z.config().localeError) z.config(en());

export { z };
