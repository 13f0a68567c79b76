// `npm run db:seed`: rewrites the sandbox workspace's demo data relative to now (usage
// periods move with time), keeping every Stripe account link. Same store as the server;
// the embedded database only while the server is stopped (see withStore.ts).
import { seedSandbox } from "../prisma/seed/seed";
import { withStore } from "./withStore";

await withStore("npm run db:seed", async (db) => {
  await seedSandbox(db, { replace: true });
  console.log("Sandbox demo data rewritten.");
});
