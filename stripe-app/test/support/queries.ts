import { Badge, Banner, Box, Button, Icon, Inline, Link, List, ListItem, Tooltip } from "@stripe/ui-extension-sdk/ui";
import { MeterChart } from "@stripe/ui-extension-sdk/ui/next";
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

/** Presses a subscription's row (the List item with its id), as a click anywhere on it does. */
export async function openSubscription(root: Root | TreeNode, subscriptionId: string): Promise<void> {
  const list = root.findAll(List).find((n) => n.find(ListItem, { id: subscriptionId }) !== null);
  if (!list) throw new Error(`No row for ${subscriptionId}`);
  await list.trigger("onAction", subscriptionId);
}

/** A remote-ui node as it sits in a fragment prop: a component, or text. */
interface RemoteNode {
  type?: string;
  props?: Record<string, unknown>;
  text?: string;
  children?: RemoteNode[];
}

export interface FragmentComponent {
  props: Record<string, unknown>;
  text: string;
}

const remoteText = (n: RemoteNode): string => n.text ?? (n.children ?? []).map(remoteText).join("");

/**
 * The first `type` component inside a fragment prop (a ListItem's `value`, `title`…). The
 * SDK's test renderer does not descend into fragment props; they hold remote-ui nodes.
 */
export function findInFragment(node: TreeNode, prop: string, type: string): FragmentComponent | null {
  const visit = (n: RemoteNode): FragmentComponent | null => {
    if (n.type === type) return { props: n.props ?? {}, text: remoteText(n) };
    for (const child of n.children ?? []) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  const fragment = (node.props as Record<string, RemoteNode | undefined>)[prop];
  return fragment ? visit(fragment) : null;
}

/** The icon-only refresh button. */
/**
 * The icon-only refresh button, which sits in the trigger (a remote fragment) of a label
 * Tooltip that names it: its accessible name, and a way to press it.
 */
export function refreshButton(root: Root | TreeNode): { name: string; type: string; trigger(event: "onPress"): Promise<void> } {
  for (const tooltip of root.findAll(Tooltip)) {
    const fragment = tooltip.props.trigger as unknown as RemoteNode;
    const button = fragment.children?.find((c) => c.type === "Button" && c.children?.some((i) => i.type === "Icon" && i.props?.name === "refresh"));
    if (!button) continue;
    return {
      name: tooltip.text,
      type: String((tooltip.props as { type?: string }).type ?? "description"),
      async trigger(event) {
        (button.props![event] as (e: object) => void)({});
        await Promise.resolve();
      },
    };
  }
  throw new Error("No refresh button");
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

/**
 * How close a meter in `node` is to its end, as its badge says it (MeterChart takes no
 * colour): "neutral", "warning" (amber) or "negative" (red); null when there is no meter.
 */
export function meterLevel(node: TreeNode): string | null {
  const meter = node.findWhere((n) => n.is(Box) && n.find(MeterChart) !== null && n.find(Badge) !== null);
  if (!meter) return null;
  return (meter.find(Badge)!.props as { type: string }).type;
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
