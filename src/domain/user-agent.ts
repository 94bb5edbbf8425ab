/**
 * What kind of browser the member is in, from the user-agent string. Used only to choose which
 * ways of getting the PDF to offer first: iPhone Safari and in-app browsers (Zalo, Facebook…)
 * swallow or mishandle downloads (jsPDF #3059, #2985), and in-app browsers keep their own storage.
 * Pure: the caller passes `navigator.userAgent` and `navigator.maxTouchPoints`.
 */

export type InAppBrowser = 'zalo' | 'facebook' | 'instagram' | 'tiktok' | 'other-webview';

/** How to name each in-app browser in a sentence shown to the member. */
export const inAppBrowserNames: Record<InAppBrowser, string> = {
  zalo: 'Zalo',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  'other-webview': 'ứng dụng này',
};

export interface BrowserInfo {
  /** The app whose built-in browser this is, or null for an ordinary browser. */
  readonly inApp: InAppBrowser | null;
  /** iPhone, iPad (including iPadOS reporting itself as a Mac) or iPod. */
  readonly ios: boolean;
  /** Safari itself (on iOS: not Chrome, Firefox, Edge or an app's web view). */
  readonly safari: boolean;
  readonly android: boolean;
}

/** App tokens as the apps append them to the system web view's user agent; the first match wins. */
const inAppPatterns: readonly (readonly [InAppBrowser, RegExp])[] = [
  // "Zalo android/…", "Zalo iOS/…", "ZaloTheme/…"
  ['zalo', /\bZalo/i],
  ['instagram', /\bInstagram\b/i],
  ['facebook', /\bFBAN\/|\bFBAV\/|\bFB_IAB\/|\bFBIOS\b|\[FB/i],
  // "musical_ly_30.5.0" (iOS), "trill_320105 … BytedanceWebview/…" (Android)
  ['tiktok', /musical_ly|BytedanceWebview|\bTikTok\b|\btrill_/i],
];

export function describeBrowser(userAgent: string, maxTouchPoints = 0): BrowserInfo {
  const ua = userAgent;
  const android = /\bAndroid\b/i.test(ua);
  // iPadOS 13+ Safari asks for desktop sites and reports "Macintosh"; only touch support tells it apart.
  const ios = /\b(iPhone|iPad|iPod)\b/.test(ua) || (/\bMacintosh\b/.test(ua) && maxTouchPoints > 1);

  let inApp: InAppBrowser | null = inAppPatterns.find(([, pattern]) => pattern.test(ua))?.[0] ?? null;
  if (inApp === null) {
    // Android System WebView marks itself with "; wv)"; iOS web views lack the "Safari/" token
    // that Safari and the other iOS browsers send.
    const androidWebView = android && /;\s*wv\)/.test(ua);
    const iosWebView = ios && /AppleWebKit\//.test(ua) && !/\bSafari\//.test(ua);
    if (androidWebView || iosWebView) inApp = 'other-webview';
  }

  const otherEngineOnIos = /\b(CriOS|FxiOS|EdgiOS|OPiOS|OPT|YaBrowser|GSA|DuckDuckGo)\b/.test(ua);
  const otherDesktopBrowser = /\b(Chrome|Chromium|CriOS|Edg|OPR|Firefox|FxiOS|SamsungBrowser|UCBrowser|coc_coc_browser)\b/i.test(
    ua,
  );
  const safari =
    inApp === null && /\bSafari\//.test(ua) && /\bVersion\//.test(ua) && !android && !otherEngineOnIos && !otherDesktopBrowser;

  return { inApp, ios, safari, android };
}
