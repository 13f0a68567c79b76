import { Box, Tab, TabList, TabPanel, TabPanels, Tabs } from "@stripe/ui-extension-sdk/ui";
import type { Customer, Subscription } from "@/contract";
import { CustomerHeader } from "../components/CustomerHeader";
import { EntitlementsPanel } from "../components/EntitlementsPanel";
import { SubscriptionList } from "../components/SubscriptionList";

/** The linked customer's drawer: the header, then Entitlements (the core view) and Subscriptions. */
export function CommandCenter({ customer, subscriptions }: { customer: Customer; subscriptions: Subscription[] }) {
  return (
    <Box css={{ stack: "y", gapY: "medium" }}>
      <CustomerHeader customer={customer} />
      <Tabs fitted>
        <TabList>
          <Tab id="entitlements">Entitlements</Tab>
          <Tab id="subscriptions">Subscriptions</Tab>
        </TabList>
        <TabPanels>
          <TabPanel id="entitlements">
            <EntitlementsPanel subscriptions={subscriptions} />
          </TabPanel>
          <TabPanel id="subscriptions">
            <SubscriptionList customer={customer} subscriptions={subscriptions} />
          </TabPanel>
        </TabPanels>
      </Tabs>
    </Box>
  );
}
