import { alertsSource } from "./alerts";
import { commentsSource } from "./comments";
import type { PersonalDataSource } from "./types";

// Every source of readers' personal data, for data requests (/admin/personuppgifter).
export const personalDataSources: PersonalDataSource[] = [commentsSource, alertsSource];
