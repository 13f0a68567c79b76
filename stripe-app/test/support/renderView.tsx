import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { getMockContextProps, render } from "@stripe/ui-extension-sdk/testing";
import type { ComponentType } from "react";
import { afterEach, expect, vi } from "vitest";
import CustomerDetailView from "../../src/views/CustomerDetailView";
import { FakeHost } from "./fakeHost";
import { CUSTOMER_ID } from "./fixtures";

export const ACCOUNT_ID = "acct_DemoLinked";
export const USER_ID = "usr_DemoUser";

const hosts: FakeHost[] = [];

// Registered by every test file that renders the view: a handler that crashed (rather
// than answering an error on purpose) is a broken test, whatever the view showed.
afterEach(() => {
  for (const host of hosts.splice(0)) expect(host.faults).toEqual([]);
});

export interface RenderOptions {
  customerId?: string;
  constants?: Record<string, string>;
  /** Another view than the customer page's, on its viewport and object. */
  view?: { component: ComponentType<ExtensionContextValue>; viewportID: string; object?: { id: string; object: string } };
  /** The Dashboard's mode (`environment.mode`). */
  mode?: "test" | "live";
  /** The Dashboard user's built-in role ids (`userContext.roles`). */
  roles?: string[];
  /** The account is a Stripe sandbox (`userContext.account.isSandbox`). */
  sandbox?: boolean;
}

/**
 * Renders the real view (real tRPC client, React Query and SDK components) with Stripe's
 * mock context props; `host` answers its HTTP requests.
 */
export function renderView(host: FakeHost, options: RenderOptions = {}) {
  hosts.push(host);
  vi.stubGlobal("fetch", host.fetch);
  const View = options.view?.component ?? CustomerDetailView;
  const props = getMockContextProps({
    userContext: {
      id: USER_ID,
      account: { id: ACCOUNT_ID, ...(options.sandbox ? { isSandbox: true } : {}) },
      locale: "en-US",
      ...(options.roles ? { roles: options.roles.map((id) => ({ id, name: id, type: "builtIn" as const })) } : {}),
    },
    environment: {
      viewportID: options.view?.viewportID ?? "stripe.dashboard.customer.detail",
      objectContext: options.view ? options.view.object : { id: options.customerId ?? CUSTOMER_ID, object: "customer" },
      constants: options.constants ?? { API_BASE: host.base },
      ...(options.mode ? { mode: options.mode } : {}),
    },
  });
  const { wrapper, update } = render(<View {...props} />);

  /** Lets timers, fetches and React Query settle until `done` holds (or fails after 2 s). */
  async function until(done: () => boolean, what = "the expected state"): Promise<void> {
    const deadline = Date.now() + 2000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${wrapper.debug()}`);
      await update();
    }
  }

  return {
    wrapper,
    until,
    /** Waits until `text` is on screen. */
    untilText: (text: string) => until(() => wrapper.text.includes(text), `the text "${text}"`),
    /** Waits until the host has answered everything asked so far, and React has caught up. */
    async settled(): Promise<void> {
      for (let i = 0; i < 5; i++) {
        await until(() => host.idle, "the host to answer");
        await update();
      }
    },
  };
}
