import { storyRoute } from "@/components/story/story-page";

const route = storyRoute("INTERVIEW");
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
