/** Recognising the browsers members use, from user-agent strings as those browsers send them. */
import { describe, expect, it } from 'vitest';
import { describeBrowser } from '../../src/domain/user-agent';
import { recommendedDelivery } from '../../src/islands/pdf-export';

const ua = {
  zaloAndroid:
    'Mozilla/5.0 (Linux; Android 13; SM-A525F Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 Zalo android/12100611 ZaloTheme/light ZaloLanguage/vn',
  zaloIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/23.12.01 ZaloTheme/dark ZaloLanguage/vn',
  facebookIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/444.0.0.40.110;FBBV/536585431;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.1.2;FBSS/3;FBID/phone;FBLC/vi_VN;FBOP/5;FBRV/538181373]',
  facebookAndroid:
    'Mozilla/5.0 (Linux; Android 12; Redmi Note 11 Build/SKQ1.211103.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/443.0.0.23.229;]',
  messengerIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/440.0.0.31.109;FBBV/530187540;FBDV/iPhone12,1;FBMD/iPhone;FBSN/iOS;FBSV/16.6;FBSS/2;FBCR/;FBID/phone;FBLC/vi_VN;FBOP/5]',
  instagramIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.0.34.111 (iPhone13,2; iOS 17_0; vi_VN; vi; scale=3.00; 1170x2532; 531390592)',
  tiktokAndroid:
    'Mozilla/5.0 (Linux; Android 11; CPH2239 Build/RP1A.200720.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/114.0.5735.196 Mobile Safari/537.36 trill_320105 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/32.1.5 ByteLocale/vi ByteFullLocale/vi Region/VN BytedanceWebview/d8a21c6',
  tiktokIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 musical_ly_30.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/vi Region/VN',
  androidWebView:
    'Mozilla/5.0 (Linux; Android 10; K; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/121.0.6167.101 Mobile Safari/537.36',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36',
  samsungInternet:
    'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
  ipadDesktopMode:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  macChrome:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  windowsEdge:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
  windowsCocCoc:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.220 Chrome/111.0.5563.220 Safari/537.36',
  windowsFirefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
};

describe('describeBrowser', () => {
  it.each([
    ['zaloAndroid', 'zalo'],
    ['zaloIos', 'zalo'],
    ['facebookIos', 'facebook'],
    ['facebookAndroid', 'facebook'],
    ['messengerIos', 'facebook'],
    ['instagramIos', 'instagram'],
    ['tiktokAndroid', 'tiktok'],
    ['tiktokIos', 'tiktok'],
    ['androidWebView', 'other-webview'],
  ] as const)('recognises the in-app browser of %s as %s', (name, app) => {
    expect(describeBrowser(ua[name]).inApp).toBe(app);
  });

  it.each([
    'androidChrome',
    'samsungInternet',
    'iphoneSafari',
    'iphoneChrome',
    'macChrome',
    'windowsEdge',
    'windowsCocCoc',
    'windowsFirefox',
  ] as const)('treats %s as an ordinary browser', (name) => {
    expect(describeBrowser(ua[name]).inApp).toBeNull();
  });

  it('recognises iPhone Safari as iOS Safari, and Chrome on iPhone as iOS but not Safari', () => {
    expect(describeBrowser(ua.iphoneSafari)).toEqual({ inApp: null, ios: true, safari: true, android: false });
    expect(describeBrowser(ua.iphoneChrome)).toEqual({ inApp: null, ios: true, safari: false, android: false });
  });

  it('recognises an iPad that says it is a Mac by its touch points', () => {
    expect(describeBrowser(ua.ipadDesktopMode, 5)).toEqual({ inApp: null, ios: true, safari: true, android: false });
    expect(describeBrowser(ua.ipadDesktopMode, 0)).toEqual({ inApp: null, ios: false, safari: true, android: false });
  });

  it('recognises Android and desktop browsers', () => {
    expect(describeBrowser(ua.androidChrome)).toEqual({ inApp: null, ios: false, safari: false, android: true });
    expect(describeBrowser(ua.zaloAndroid)).toMatchObject({ inApp: 'zalo', android: true, safari: false });
    expect(describeBrowser(ua.windowsEdge)).toEqual({ inApp: null, ios: false, safari: false, android: false });
    expect(describeBrowser(ua.zaloIos)).toMatchObject({ inApp: 'zalo', ios: true, safari: false });
  });

  it('does not mistake an empty or unknown user agent for anything', () => {
    expect(describeBrowser('')).toEqual({ inApp: null, ios: false, safari: false, android: false });
  });
});

describe('recommendedDelivery', () => {
  it('offers a download first on desktop and Android', () => {
    expect(recommendedDelivery(describeBrowser(ua.windowsEdge), false)).toEqual({
      primary: ['download'],
      secondary: ['open', 'print-view'],
      notice: null,
    });
    expect(recommendedDelivery(describeBrowser(ua.androidChrome), true).primary).toEqual(['download', 'share']);
  });

  it('offers opening in a new tab and the share sheet first on iPhone Safari', () => {
    expect(recommendedDelivery(describeBrowser(ua.iphoneSafari), true)).toEqual({
      primary: ['open', 'share'],
      secondary: ['download', 'print-view'],
      notice: null,
    });
    expect(recommendedDelivery(describeBrowser(ua.iphoneSafari), false).primary).toEqual(['open']);
  });

  it('offers the print view first in Zalo and says to open the page in the browser', () => {
    const advice = recommendedDelivery(describeBrowser(ua.zaloAndroid), true);

    expect(advice.primary).toEqual(['print-view', 'share']);
    expect(advice.primary).not.toContain('download');
    expect(advice.secondary).not.toContain('download');
    expect(advice.notice).toContain('Zalo');
    expect(advice.notice).toContain('Mở bằng trình duyệt');
  });
});
