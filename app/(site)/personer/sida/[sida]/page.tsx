import { peopleRoute } from "../../_components/people-route";

// Page 2 and on of the index.
export const generateStaticParams = peopleRoute.generateStaticParams;
export const generateMetadata = peopleRoute.generateMetadata;
export default peopleRoute.Page;
