import { storyListRoute } from "@/components/story/story-list-page";

// Page 2 and on of the list.
const route = storyListRoute("INTERVIEW");
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
