import { createContext } from "react";

/**
 * Where drawer-level overlays (FocusView) mount: over the app drawer, at its width, as
 * Stripe shows them. The page provides the element.
 */
export const OverlayContext = createContext<HTMLElement | null>(null);
