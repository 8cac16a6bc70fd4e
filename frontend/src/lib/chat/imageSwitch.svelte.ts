// The message box's image-generation switch: offered when the server has image generation on
// (`features.enable_image_generation` of /api/config) and the user may use it (admins always may);
// sent with each completion as `features.image_generation`.
import { can, session } from '../session.svelte';

export const imageGeneration = $state({ on: false });

export function imageGenerationAvailable(): boolean {
  return session.config?.features?.enable_image_generation === true && can('features', 'image_generation');
}

/** What goes in the completion's `features`: on only while it is both chosen and available. */
export function imageGenerationWanted(): boolean {
  return imageGeneration.on && imageGenerationAvailable();
}
