// `npm run db:seed`: rewrites the sandbox workspace's demo data relative to now (usage
// periods move with time), keeping every Stripe account link. Same store as the server.
import { closeStore, getDb } from "../src/server/db/client";
import { seedSandbox } from "../prisma/seed/seed";

await seedSandbox(await getDb(), { replace: true });
await closeStore();
console.log("Sandbox demo data rewritten.");
