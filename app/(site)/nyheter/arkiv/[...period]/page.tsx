import { storyListRoute } from "@/components/story/story-list-page";

// The list's year and month archives, and their pages.
const route = storyListRoute("NEWS");
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
