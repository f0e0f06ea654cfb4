package io.fleetcast.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/**
 * Owns one AVDictionary of options handed to an open call. FFmpeg removes the options it
 * used, so what is left afterwards is the report of options nobody understood.
 */
public final class Options implements AutoCloseable {
    private AVDictionary dictionary = new AVDictionary(null);

    public Options(Map<String, String> entries) {
        entries.forEach((key, value) ->
                AvCall.check("av_dict_set", key, av_dict_set(dictionary, key, value, 0)));
    }

    public AVDictionary av() {
        return dictionary;
    }

    /** The entries still in the dictionary: after an open call, the unused options. */
    public Map<String, String> remaining() {
        Map<String, String> left = new LinkedHashMap<>();
        if (dictionary == null || dictionary.isNull()) {
            return left;
        }
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null
                && !entry.isNull()) {
            left.put(entry.key().getString(), entry.value().getString());
        }
        return left;
    }

    @Override
    public void close() {
        if (dictionary != null) {
            if (!dictionary.isNull()) {
                av_dict_free(dictionary);
            }
            dictionary = null;
        }
    }
}
