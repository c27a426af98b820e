package fr.aiguillage;

/**
 * What a person must read once at first start (generated passwords). Printed to the console,
 * deliberately not through the logger, so it never lands in log files or log shipping.
 */
public final class FirstStartNotice {

  private FirstStartNotice() {
  }

  public static void adminPassword(String password) {
    System.out.println("""

        ==== Aiguillage: first start ====
        Administrator account created: login "admin", password "%s"
        It is shown only this once. Set AIGUILLAGE_ADMIN_PASSWORD to choose it yourself.
        =================================
        """.formatted(password));
  }

  public static void demoAccounts(Iterable<String> logins, String password) {
    StringBuilder text = new StringBuilder("\n==== Aiguillage: demo accounts (synthetic data) ====\n");
    logins.forEach(login -> text.append("  ").append(login).append('\n'));
    text.append("Password for all of them: ").append(password).append('\n')
        .append("Shown only at the first start with demo data.\n")
        .append("===================================================\n");
    System.out.println(text);
  }
}
