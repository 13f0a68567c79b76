import { handleApiRequest } from "@/server/api/handler";

export const dynamic = "force-dynamic";

export { handleApiRequest as GET, handleApiRequest as POST, handleApiRequest as OPTIONS };
