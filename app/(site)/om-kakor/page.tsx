import { editorialRoute } from "@/components/layout/editorial-page";

const route = editorialRoute("om-kakor");
export const generateMetadata = route.generateMetadata;
export default route.Page;
