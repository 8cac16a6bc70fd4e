// "Paste Large Text as File" (stock `largeTextAsFile`): a paste longer than the stock limit is attached
// as a text file named as the stock UI names it, instead of filling the message box.
export const PASTED_TEXT_LIMIT = 1000;

export const pastedTextFile = (text: string, now = Date.now()) => new File([text], `Pasted_Text_${now}.txt`, { type: 'text/plain' });
