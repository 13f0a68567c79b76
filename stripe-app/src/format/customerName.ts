import type { Customer } from "@/contract";

/** The header's name: the customer's name, else their email, else "Unnamed Customer". */
export function customerDisplayName(customer: Pick<Customer, "name" | "email">): string {
  return customer.name?.trim() || customer.email?.trim() || "Unnamed Customer";
}
