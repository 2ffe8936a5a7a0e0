/**
 * Escaping for XML 1.0. Characters XML cannot carry at all (most control characters, lone
 * surrogates, U+FFFE and U+FFFF) are stripped; the rest are escaped for text or attributes.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};

// Inside an attribute, line breaks and tabs would be normalised to spaces by any parser.
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
};

export function stripNonXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

export function escapeXmlText(text: string): string {
  return stripNonXml(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

export function escapeXmlAttribute(text: string): string {
  return stripNonXml(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
