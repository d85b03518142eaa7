/** The stages of a coal mine's life cycle (seed 000 §2, Figure 1). */
export const LIFE_CYCLE_STAGES = ["exploration", "development", "production", "reclamation"] as const;
export type LifeCycleStage = (typeof LIFE_CYCLE_STAGES)[number];
