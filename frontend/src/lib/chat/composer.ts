// The chat's message box as other parts of the chat screen reach it (a follow-up put in the box
// instead of sent); set by the message box while it is on screen.
export const composer: { fill: ((text: string) => void) | null } = { fill: null };
