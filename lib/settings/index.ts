/**
 * What other domains may use of the settings besides their queries and commands: the definitions (keys, limits,
 * defaults, parsing a stored value) and the SQL reading the stale-days setting.
 */
export { printedMarking, settingDefaults, settingKeys, settingLimits, settingSchemas, settingValue, type SettingKey, type SettingValues } from "./definitions";
export { staleDaysSql } from "./sql";
