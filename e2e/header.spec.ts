import { LINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

test("a customer without a name is shown by email", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, "cus_DemoEmailOnly");
  await expect(drawer.getByText("ops@emailonly.example", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("link", { name: /View in Stigg/ })).toBeVisible();
});

test("a customer with neither name nor email is an Unnamed Customer", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, "cus_DemoUnnamed");
  await expect(drawer.getByText("Unnamed Customer", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("link", { name: /View in Stigg/ })).toBeVisible();
});
