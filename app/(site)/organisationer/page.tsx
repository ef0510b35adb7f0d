import { permanentRedirect } from "next/navigation";

// Organisations are listed together with the municipalities.
export default function OrganisationsIndex() {
  permanentRedirect("/kommuner");
}
