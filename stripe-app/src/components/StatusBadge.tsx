import { Badge } from "@stripe/ui-extension-sdk/ui";
import type { Subscription } from "@/contract";
import { formatDate } from "../format/dates";
import { statusPill } from "../model/subscriptionStatus";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";

/** The colour-coded status pill; a trial says when it ends. */
export function StatusBadge({ subscription }: { subscription: Pick<Subscription, "status" | "rawStatus" | "trialEndsAt"> }) {
  const { locale } = useDrawerEnvironment();
  const pill = statusPill(subscription);
  const label =
    subscription.status === "IN_TRIAL" && subscription.trialEndsAt
      ? `${pill.label} until ${formatDate(subscription.trialEndsAt, locale)}`
      : pill.label;
  return <Badge type={pill.type}>{label}</Badge>;
}
