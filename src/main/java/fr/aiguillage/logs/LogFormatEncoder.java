package fr.aiguillage.logs;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import net.logstash.logback.encoder.LogstashEncoder;

import java.util.Locale;

/**
 * The service's one log encoder: a text line, or with {@code format} json (AIGUILLAGE_LOG_FORMAT=json) one JSON
 * object per line written by logstash-logback-encoder, the MDC's {@code requestId} as a field of its own. Any other
 * value is text, with a warning in logback's status, so a typo never silences the log.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

  /** The text line: time with offset, thread, level, logger, the request's id when there is one, message. */
  static final String TEXT = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] %level %logger%replace( [%X{requestId}]){' \\[\\]', ''}"
      + " - %msg%n%ex";

  private String format = "text";
  private Encoder<ILoggingEvent> delegate;

  public void setFormat(String format) {
    this.format = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public void start() {
    if ("json".equals(format)) {
      delegate = new LogstashEncoder();
    } else {
      if (!"text".equals(format) && !format.isEmpty()) {
        addWarn("AIGUILLAGE_LOG_FORMAT=" + format + " is neither text nor json: text it is");
      }
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setPattern(TEXT);
      delegate = text;
    }
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    delegate.stop();
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
