import { storyListRoute } from "@/components/story/story-list-page";

const route = storyListRoute("NEWS");
export const generateMetadata = route.generateMetadata;
export default route.Page;
