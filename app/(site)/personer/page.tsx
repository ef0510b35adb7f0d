import { peopleRoute } from "./_components/people-route";

export const generateMetadata = peopleRoute.generateMetadata;
export default peopleRoute.Page;
