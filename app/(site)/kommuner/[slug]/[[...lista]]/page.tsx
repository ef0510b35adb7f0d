import { organisationRoute } from "@/components/layout/organisation-page";

const route = organisationRoute(true);
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
