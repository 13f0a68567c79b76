import { Banner, Box, Button, Icon, Inline, Link, Tooltip } from "@stripe/ui-extension-sdk/ui";
import type { render } from "@stripe/ui-extension-sdk/testing";

// Finders over the SDK test renderer's tree, by what a user sees rather than by structure
// wherever possible.

export type Root = ReturnType<typeof render>["wrapper"];
export type TreeNode = NonNullable<ReturnType<Root["find"]>>;

export function button(root: Root | TreeNode, text: string): TreeNode {
  const found = root.findWhere((n) => n.is(Button) && n.text === text);
  if (!found) throw new Error(`No Button "${text}"`);
  return found;
}

export function link(root: Root | TreeNode, text: string): TreeNode {
  const found = root.findWhere((n) => n.is(Link) && n.text === text);
  if (!found) throw new Error(`No Link "${text}"`);
  return found;
}

/** The icon-only refresh button. */
export function refreshButton(root: Root | TreeNode): TreeNode {
  const found = root.findWhere((n) => n.is(Button) && n.find(Icon, { name: "refresh" }) !== null);
  if (!found) throw new Error("No refresh button");
  return found;
}

/** A node's `css` prop (Box, Inline…), as plain data. */
export function css(n: TreeNode): Record<string, unknown> {
  return ((n.props as { css?: Record<string, unknown> }).css ?? {}) as Record<string, unknown>;
}

const isRowHeader = (n: TreeNode, name: string) =>
  n.is(Box) && n.findWhere((c) => c.is(Inline) && c.text === name && css(c).font === "bodyEmphasized") !== null;

/** The entitlement row whose name is `name`, or null when it is not shown. */
export function entitlementRow(root: Root | TreeNode, name: string): TreeNode | null {
  return root.findWhere((n) => {
    const first = n.children[0];
    return n.is(Box) && first !== undefined && typeof first !== "string" && isRowHeader(first, name);
  });
}

export function shownEntitlementNames(root: Root | TreeNode): string[] {
  return root
    .findAllWhere((n) => n.is(Inline) && css(n).font === "bodyEmphasized")
    .filter((n) => entitlementRow(root, n.text) !== null)
    .map((n) => n.text);
}

/** A row's type icon: a plain Icon, or the trigger of the metered tooltip. */
export function rowIcon(row: TreeNode): { name: string; tooltip: string | null } {
  const header = row.children[0] as TreeNode;
  const tooltip = header.find(Tooltip);
  if (tooltip) {
    // The trigger is a remote fragment: its children are the remote components in it.
    const trigger = tooltip.props.trigger as unknown as { children: { type: string; props: { name: string } }[] };
    const icon = trigger.children.find((c) => c.type === "Icon");
    if (!icon) throw new Error("Tooltip trigger without an Icon");
    return { name: icon.props.name, tooltip: tooltip.text };
  }
  const icon = header.find(Icon);
  if (!icon) throw new Error("Row without an icon");
  return { name: (icon.props as { name: string }).name, tooltip: null };
}

/** The colour token of the filled part of a usage bar in `node`, or null when it has no bar. */
export function barColor(node: TreeNode): string | null {
  const segments = node.findAllWhere((n) => n.is(Inline) && /^━+$/.test(n.text));
  if (segments.length === 0) return null;
  const filled = segments.find((s) => css(s).color !== "disabled");
  return filled ? (css(filled).color as string) : "disabled";
}

/** A remote fragment prop (Banner's description, actions…) as the SDK's test root holds it. */
interface FragmentNode {
  type?: string;
  text?: string;
  props?: Record<string, unknown>;
  children?: FragmentNode[];
}

function fragmentText(node: unknown): string {
  if (node == null || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  const n = node as FragmentNode;
  if (typeof n.text === "string") return n.text;
  return (n.children ?? []).map(fragmentText).join("");
}

function fragmentComponents(node: unknown, type: string): FragmentNode[] {
  const n = node as FragmentNode | null;
  if (!n || typeof n !== "object") return [];
  const own = n.type === type ? [n] : [];
  return [...own, ...(n.children ?? []).flatMap((c) => fragmentComponents(c, type))];
}

export interface ShownBanner {
  type: string;
  title: string;
  description: string;
  /** The labels of the buttons in its actions. */
  actions: string[];
  /** Presses the action button labelled `label`. */
  press(label: string): void;
}

/** Every Banner on screen, its title, description and actions read as text. */
export function banners(root: Root | TreeNode): ShownBanner[] {
  return root.findAll(Banner).map((b) => {
    const props = b.props as Record<string, unknown>;
    const buttons = fragmentComponents(props.actions, "Button");
    return {
      type: (props.type as string | undefined) ?? "default",
      title: fragmentText(props.title),
      description: fragmentText(props.description),
      actions: buttons.map(fragmentText),
      press(label: string) {
        const found = buttons.find((button) => fragmentText(button) === label);
        if (!found) throw new Error(`No action "${label}" in the Banner "${fragmentText(props.title)}"`);
        (found.props!.onPress as () => void)();
      },
    };
  });
}
