// `@remote-ui/react/host` is installed only under stripe-app/ (the build script resolves
// it) and its declarations are written against React 18's types, while the page renders
// with the host's React 19. These are the few of its exports the page uses, typed for 19.
declare module "@remote-ui/react/host" {
  import type { ComponentType, ReactElement, ReactNode } from "react";
  import type { RemoteReceiver, RemoteReceiverAttachableComponent, RemoteReceiverAttachableText } from "@remote-ui/core";

  interface RenderComponentOptions {
    parent: unknown;
    component: RemoteReceiverAttachableComponent;
    receiver: RemoteReceiver;
    controller: Controller;
    key: string | number;
  }
  interface RenderTextOptions {
    parent: unknown;
    text: RemoteReceiverAttachableText;
    receiver: RemoteReceiver;
    key: string | number;
  }
  export interface Controller {
    get(type: string): ComponentType<Record<string, unknown>>;
  }
  export function createController(
    components: Record<string, ComponentType<any>>,
    options?: {
      renderComponent?(options: RenderComponentOptions, helpers: { renderDefault(): ReactNode }): ReactNode;
      renderText?(options: RenderTextOptions, helpers: { renderDefault(): ReactNode }): ReactNode;
    },
  ): Controller;
  export function RemoteRenderer(props: { receiver: RemoteReceiver; controller: Controller }): ReactElement | null;
}
