import { editorialRoute } from "@/components/layout/editorial-page";

const route = editorialRoute("integritet");
export const generateMetadata = route.generateMetadata;
export default route.Page;
