/** Links that respect the base path the site is deployed under (BASE_PATH at build time). */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Turns a site path such as "van-ban/" into a link under the deployed base, ending with "/". */
export function sitePath(path = ''): string {
  const trimmed = path.replace(/^\/+/, '');
  return `${base}${trimmed}`;
}
