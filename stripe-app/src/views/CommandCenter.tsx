import { Box, Tab, TabList, TabPanel, TabPanels, Tabs } from "@stripe/ui-extension-sdk/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Customer } from "@/contract";
import { useTRPC } from "../api/trpc";
import { CustomerHeader } from "../components/CustomerHeader";
import { EntitlementsPanel } from "../components/EntitlementsPanel";
import { SubscriptionList } from "../components/SubscriptionList";
import { markOnce, TIMING_MARKS } from "../timing/mark";
import { useDrawerEnvironment } from "./DrawerEnvironment";
import { useViewTitle } from "./ViewTitle";

type TabId = "entitlements" | "subscriptions";
const TAB_TITLE: Record<TabId, string> = { entitlements: "Entitlements", subscriptions: "Subscriptions" };

/**
 * The linked customer's drawer: the header, then Entitlements (the core view) and
 * Subscriptions. Each tab reads its own query, so one failing leaves the other on screen.
 */
export function CommandCenter({ customer }: { customer: Customer }) {
  const { stripeCustomerId } = useDrawerEnvironment();
  const trpc = useTRPC();
  // Without subscriptions (their read failed) the entitlements have no subscription filter.
  const subscriptions = useQuery(
    trpc.listSubscriptions.queryOptions({ stripeCustomerId }, { retryOnMount: false }),
  ).data?.subscriptions;
  const [tab, setTab] = useState<TabId>("entitlements");
  useViewTitle(TAB_TITLE[tab]);
  useEffect(() => markOnce(TIMING_MARKS.listCommitted), []);
  return (
    <Box css={{ stack: "y", gapY: "medium" }}>
      <CustomerHeader customer={customer} />
      <Tabs fitted selectedKey={tab} onSelectionChange={(key) => setTab(key === "subscriptions" ? "subscriptions" : "entitlements")}>
        <TabList>
          <Tab id="entitlements">Entitlements</Tab>
          <Tab id="subscriptions">Subscriptions</Tab>
        </TabList>
        <TabPanels>
          <TabPanel id="entitlements">
            <EntitlementsPanel subscriptions={subscriptions} />
          </TabPanel>
          <TabPanel id="subscriptions">
            <SubscriptionList customer={customer} />
          </TabPanel>
        </TabPanels>
      </Tabs>
    </Box>
  );
}
