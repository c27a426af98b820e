package fr.aiguillage.notify.channel;

import fr.aiguillage.config.AppConfig;
import fr.aiguillage.notify.model.Claimed;
import fr.aiguillage.notify.model.Message;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail through SMTP with the Vert.x Mail client (pooled, kept-alive connections). */
public final class SmtpMailTransport implements MailTransport {

  private static final Pattern REPLY_CODE = Pattern.compile("\\b([45][0-9][0-9])\\b");

  private final MailClient client;
  private final String from;

  public SmtpMailTransport(Vertx vertx, AppConfig.Mail config) {
    MailConfig mail = new MailConfig().setHostname(config.smtpHost()).setPort(config.smtpPort())
        .setStarttls(StartTLSOptions.valueOf(config.starttls().trim().toUpperCase(java.util.Locale.ROOT)))
        .setKeepAlive(true);
    if (config.username() != null && !config.username().isBlank()) {
      mail.setUsername(config.username()).setPassword(config.password()).setLogin(LoginOption.REQUIRED);
    } else {
      mail.setLogin(LoginOption.DISABLED);
    }
    this.client = MailClient.create(vertx, mail);
    this.from = config.from();
  }

  @Override
  public Future<Void> send(Claimed notice, Message m) {
    MailMessage message = new MailMessage().setFrom(from).setTo(m.recipient()).setSubject(m.subject())
        .setText(m.text());
    if (m.calendar() != null) {
      message.setAttachment(List.of(MailAttachment.create()
          .setData(Buffer.buffer(m.calendar().getBytes(StandardCharsets.UTF_8)))
          .setContentType("text/calendar; charset=UTF-8; method=" + m.calendarMethod())
          .setName("rendez-vous.ics").setDisposition("attachment")));
    }
    return client.sendMail(message).<Void>mapEmpty()
        .recover(e -> Future.failedFuture(new SendFailed(describe(e))));
  }

  /** An SMTP reply code if there is one; never the server's text (it may quote the address). */
  private static String describe(Throwable e) {
    Matcher code = REPLY_CODE.matcher(String.valueOf(e.getMessage()));
    return code.find() ? "SMTP " + code.group(1) : "SMTP failure: " + e.getClass().getSimpleName();
  }
}
