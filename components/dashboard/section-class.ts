/**
 * The class of a dashboard block. `content-visibility: auto` lets the browser skip the style, layout and paint of the
 * blocks below the fold until they come near the viewport (the dashboard is long: on a phone, laying out every
 * table and chart at load was most of the main-thread time Lighthouse counted). The intrinsic size keeps the page's
 * height (and the scrollbar) close to the real one meanwhile, and `auto` remembers the real size once rendered.
 */
export const dashboardSectionClass = "mt-10 [content-visibility:auto] [contain-intrinsic-size:auto_900px]";
