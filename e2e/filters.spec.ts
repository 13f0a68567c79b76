import { allFeatureNames, demoCustomer, entitledFeatureNames, LINKED_ACCOUNT, planName } from "./support/demo";
import { expect, test, type Harness } from "./support/harness";

const FULL = "cus_DemoFull";

/** Exactly these feature names are listed; every other demo feature is not. */
async function expectListed(harness: Harness, names: Iterable<string>) {
  const wanted = new Set(names);
  for (const name of allFeatureNames()) {
    const item = harness.drawer.getByText(name, { exact: true });
    if (wanted.has(name)) await expect(item).toBeVisible();
    else await expect(item).toHaveCount(0);
  }
}

test("search narrows the entitlements by name", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await expect(drawer.getByText("Active users", { exact: true })).toBeVisible();
  const search = drawer.getByPlaceholder("Search by name");
  await search.pressSequentially("api");
  await expectListed(harness, ["API calls"]);
  await search.fill("");
  await expectListed(harness, entitledFeatureNames(FULL));
  // Typed at full speed: the extension's echoes of each keystroke arrive late, and the
  // field must neither drop nor repeat characters.
  await search.pressSequentially("advanced ANALYTICS");
  await expect(search).toHaveValue("advanced ANALYTICS");
  await expectListed(harness, ["Advanced analytics"]);
});

test("the type filter keeps one kind of entitlement", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await drawer.getByLabel("Type", { exact: true }).selectOption({ label: "Boolean" });
  await expectListed(harness, ["Advanced analytics", "Custom domain", "Single sign-on"]);
  await drawer.getByLabel("Type", { exact: true }).selectOption({ label: "Metered" });
  await expectListed(harness, ["Active users", "API calls", "AI generations", "Emails sent", "Workspaces", "Seats"]);
  await drawer.getByLabel("Type", { exact: true }).selectOption({ label: "Credits" });
  await expectListed(harness, []);
  await expect(drawer.getByText("AI credits", { exact: true })).toBeVisible();
});

test("the subscription filter offers each entitling plan with its id and keeps its entitlements", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  const select = drawer.getByLabel("Subscription", { exact: true });
  for (const sub of demoCustomer(FULL).subscriptions) {
    const option = select.locator("option", { hasText: sub.id });
    // Only active and in-trial subscriptions grant anything; the others are not offered.
    if (sub.status === "ACTIVE" || sub.status === "IN_TRIAL") {
      await expect(option).toHaveText(new RegExp(`${planName(sub.planId)}.*${sub.id}`));
    } else {
      await expect(option).toHaveCount(0);
    }
  }
  const seats = demoCustomer(FULL).subscriptions.find((s) => s.id === "sub_DemoFullSeats")!;
  await select.selectOption({ value: seats.id });
  await expectListed(harness, entitledFeatureNames(FULL, seats.id));
});

test("filters combine", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await drawer.getByLabel("Subscription", { exact: true }).selectOption({ value: "sub_DemoFullPro" });
  await drawer.getByLabel("Type", { exact: true }).selectOption({ label: "Metered" });
  await drawer.getByPlaceholder("Search by name").fill("ai");
  await expectListed(harness, ["AI generations", "Emails sent"]);
});
