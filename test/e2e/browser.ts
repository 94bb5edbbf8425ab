/** Launch options for Playwright: the shared Chromium path and quiet flags (test/chromium.mjs). */
import type { LaunchOptions } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

export const chromiumLaunchOptions: LaunchOptions = { executablePath: chromiumPath, args: chromiumArgs };
