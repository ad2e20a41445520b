/** The browser and system a User-Agent names, in the words people know them by; null when it names neither. */
export function describeDevice(userAgent: string | null): { browser: string | null; system: string | null } {
  const ua = userAgent ?? '';
  // Order matters: Edge and Opera also call themselves Chrome, Chrome also calls itself Safari.
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : null;
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return { browser, system };
}
