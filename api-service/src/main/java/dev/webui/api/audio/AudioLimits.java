package dev.webui.api.audio;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Environment-only settings of speech to text and text to speech (docs/audio.md). */
@ConfigMapping(prefix = "")
public interface AudioLimits {
    /** AUDIO_STT_MAX_FILE_SIZE (ours): the largest recording /audio/transcriptions accepts (OpenAI's own limit is 25 MB). */
    @WithName("AUDIO_STT_MAX_FILE_SIZE")
    @WithDefault("25M")
    MemorySize maxUploadSize();

    /** AUDIO_SPEECH_CACHE_MAX_SIZE (ours): total size of the shared speech cache; least recently used entries go first. */
    @WithName("AUDIO_SPEECH_CACHE_MAX_SIZE")
    @WithDefault("256M")
    MemorySize cacheMaxSize();

    /** AUDIO_SPEECH_CACHE_ENTRY_MAX_SIZE (ours): longer speech is streamed but not cached (it bounds the memory of one request). */
    @WithName("AUDIO_SPEECH_CACHE_ENTRY_MAX_SIZE")
    @WithDefault("16M")
    MemorySize cacheEntryMaxSize();

    /** WHISPER_LANGUAGE: the language every transcription asks for, instead of the request's. */
    @WithName("WHISPER_LANGUAGE")
    Optional<String> whisperLanguage();

    /** ELEVENLABS_API_BASE_URL (ours): ElevenLabs' API, which Open WebUI has fixed. */
    @WithName("ELEVENLABS_API_BASE_URL")
    @WithDefault("https://api.elevenlabs.io")
    String elevenLabsUrl();

    /** DEEPGRAM_API_BASE_URL (ours): Deepgram's API, which Open WebUI has fixed. */
    @WithName("DEEPGRAM_API_BASE_URL")
    @WithDefault("https://api.deepgram.com")
    String deepgramUrl();
}
