// Wire shapes (docs/contract.md; only the fields this UI reads or writes).
import type { StatusEvent } from './chat/status';
import type { QuickAction } from './chat/quickActionList';

export type Role = 'admin' | 'user' | 'pending';

export interface SessionUser {
  token: string;
  token_type: 'Bearer';
  expires_at: number | null;
  id: string;
  email: string;
  name: string;
  role: Role;
  profile_image_url: string;
  permissions?: Record<string, Record<string, boolean>>;
  bio?: string | null;
}

export interface AppConfig {
  status: boolean;
  name: string;
  version: string;
  onboarding?: boolean;
  oauth?: { providers: Record<string, string> };
  features: {
    auth?: boolean;
    auth_trusted_header?: boolean;
    enable_ldap?: boolean;
    enable_api_key?: boolean;
    enable_signup?: boolean;
    enable_login_form?: boolean;
    enable_signup_password_confirmation?: boolean;
    enable_websocket?: boolean;
    [key: string]: boolean | undefined;
  };
  code?: { engine?: string };
  default_models?: string | null;
  default_prompt_suggestions?: { title: [string, string]; content: string }[];
  ui?: { pending_user_overlay_title?: string; pending_user_overlay_content?: string };
}

export interface ModelEntry {
  id: string;
  name: string;
  owned_by?: string;
  arena?: boolean;
  /** One of the user's own connections, listed and run by this browser (docs/direct-connections.md). */
  direct?: boolean;
  urlIdx?: number;
  openai?: { id: string };
  tags?: unknown[];
  info?: { meta?: { description?: string; profile_image_url?: string; hidden?: boolean; capabilities?: Record<string, boolean>; suggestion_prompts?: { content: string; title?: [string, string] }[] } };
}

export interface Message {
  id: string;
  parentId: string | null;
  childrenIds: string[];
  role: 'user' | 'assistant' | 'system';
  content: string;
  timestamp: number;
  models?: string[];
  model?: string;
  modelName?: string;
  selectedModelId?: string;
  arena?: boolean;
  modelIdx?: number;
  done?: boolean;
  error?: { content: string } | null;
  sources?: unknown[];
  statusHistory?: StatusEvent[];
  usage?: Record<string, unknown>;
  followUps?: string[];
  files?: unknown[];
  annotation?: Annotation;
  feedbackId?: string;
}

export interface Annotation {
  rating: 1 | -1;
  reason?: string;
  comment?: string;
}

export interface History {
  currentId: string | null;
  messages: Record<string, Message>;
}

export interface ChatBlob {
  id?: string;
  title: string;
  models: string[];
  system?: string;
  params: Record<string, unknown>;
  files?: unknown[];
  tags?: unknown[];
  timestamp?: number;
  history: History;
  messages: Message[];
}

export interface Chat {
  id: string;
  user_id: string;
  title: string;
  chat: ChatBlob;
  updated_at: number;
  created_at: number;
  share_id: string | null;
  archived: boolean;
  pinned: boolean | null;
  meta: Record<string, unknown>;
  folder_id: string | null;
}

export interface ChatListItem {
  id: string;
  title: string;
  updated_at: number;
  created_at?: number;
}

export interface Folder {
  id: string;
  parent_id: string | null;
  user_id: string;
  name: string;
  is_expanded: boolean;
  created_at: number;
  updated_at: number;
}

/** The user's `ui` settings; the interface keys are the stock UI's, so both UIs share them. */
export interface UiSettings {
  models?: string[];
  system?: string;
  params?: Record<string, unknown>;
  chatBubble?: boolean;
  widescreenMode?: boolean;
  ctrlEnterToSend?: boolean;
  title?: { auto?: boolean; [key: string]: unknown };
  autoTags?: boolean;
  autoFollowUps?: boolean;
  showUsername?: boolean;
  scrollOnBranchChange?: boolean;
  temporaryChatByDefault?: boolean;
  copyFormatted?: boolean;
  showChatTitleInTab?: boolean;
  hapticFeedback?: boolean;
  // Call mode: an emoji per spoken sentence (stock key; default off).
  showEmojiInCall?: boolean;
  userLocation?: boolean;
  regenerateMenu?: boolean;
  showUpdateToast?: boolean;
  /** The app version whose "What's New" the admin has seen. */
  version?: string;
  showChangelog?: boolean;
  voiceInterruption?: boolean;
  // Artifacts panel (stock key; default on).
  detectArtifacts?: boolean;
  // Looks (stock keys): stronger contrast; the chat's background image as a data URL.
  highContrastMode?: boolean;
  backgroundImageUrl?: string | null;
  chatDirection?: string;
  landingPageMode?: string;
  // Message box (stock keys): rich text (default on), its formatting toolbar, prompts inserted
  // formatted, long pastes attached as a text file.
  richTextInput?: boolean;
  showFormattingToolbar?: boolean;
  insertPromptAsRichText?: boolean;
  largeTextAsFile?: boolean;
  // Answers, follow-ups, code and tool-call details, the artifact frame, web search (stock keys).
  responseAutoCopy?: boolean;
  insertSuggestionPrompt?: boolean;
  keepFollowUpPrompts?: boolean;
  insertFollowUpPrompt?: boolean;
  collapseCodeBlocks?: boolean;
  expandDetails?: boolean;
  showFloatingActionButtons?: boolean;
  floatingActionButtons?: QuickAction[] | null;
  promptAutocomplete?: boolean;
  stylizedPdfExport?: boolean;
  displayMultiModelResponsesInTabs?: boolean;
  chatFadeStreamingText?: boolean;
  iframeSandboxAllowSameOrigin?: boolean;
  iframeSandboxAllowForms?: boolean;
  webSearch?: 'always' | null;
  // The user's own image compression (stock keys; the size is kept as the stock UI keeps it).
  imageCompression?: boolean;
  imageCompressionSize?: { width?: number | string | null; height?: number | string | null };
  imageCompressionInChannels?: boolean;
  [key: string]: unknown;
}

export interface ChatEventEnvelope {
  chat_id: string | null;
  message_id: string | null;
  data: { type: string; data?: any };
}

export interface Tag {
  id: string;
  name: string;
  user_id: string;
  meta: Record<string, unknown> | null;
}
