import { storyListRoute } from "@/components/story/story-list-page";

const route = storyListRoute("INTERVIEW");
export const generateMetadata = route.generateMetadata;
export default route.Page;
