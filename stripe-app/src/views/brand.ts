// The drawer's brand, where the SDK takes it (ContextView's brandColor and brandIcon): a
// square one-colour SVG that contrasts with the colour. Stigg's mark is not published with
// a licence for reuse, so this is a plain stacked-layers mark in the app's own violet.
export const BRAND_COLOR = "#5b4bdb";

const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="#ffffff">' +
  '<rect x="3" y="3" width="10" height="2.5" rx="1.25"/><rect x="3" y="6.75" width="10" height="2.5" rx="1.25"/>' +
  '<rect x="3" y="10.5" width="6" height="2.5" rx="1.25"/></svg>';

export const BRAND_ICON = `data:image/svg+xml;base64,${btoa(ICON_SVG)}`;
