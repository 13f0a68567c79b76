import { z } from "zod";

const token = (max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`));

/**
 * What Stripe may put on the redirect: `code` + `state` after an approval, `error` (+
 * `error_description`) otherwise. A repeated parameter arrives as an array and is refused.
 */
export const callbackQuery = z.object({
  code: token(512).optional(),
  state: token(256).optional(),
  error: z.string().max(128).optional(),
  error_description: z.string().max(2048).optional(),
});

export type CallbackQuery = z.infer<typeof callbackQuery>;
