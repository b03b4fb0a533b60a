package org.clearframe.cli;

import org.clearframe.model.CastMember;
import org.clearframe.model.Contact;
import org.clearframe.model.Department;
import org.clearframe.model.ProductionData;
import org.clearframe.rules.Names;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.ProjectFileException;
import org.clearframe.store.StoreException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code contact FILE [(--department NAME | --performer NAME) [--email E] [--phone P]]}: the e-mail and phone of the
 * people asked to sign (department heads and cast). Lists them all without a person; sets one person's otherwise.
 */
final class ContactCommand implements Command {

    /** Loose on purpose (addresses are varied), but one address, no spaces, no control characters. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}\\p{Cf},;<>\"]{1,64}@[^@\\s\\p{Cntrl}\\p{Cf},;<>\"]{1,253}\\.[^@\\s\\p{Cntrl}\\p{Cf},;<>\".]{1,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}( (ext\\.?|x) ?[0-9]{1,6})?");

    @Override public String name() { return "contact"; }
    @Override public String usage() { return "contact FILE [(--department NAME | --performer NAME) [--email ADDRESS] [--phone NUMBER]]"; }
    @Override public String summary() { return "list or set the e-mail and phone of department heads and performers"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args, Set.of(), Set.of("--department", "--performer", "--email", "--phone"));
            a.positional(1, "the production file");
        } catch (Arguments.Invalid e) {
            return usageError(err, e.getMessage());
        }
        String department = a.value("--department"), performer = a.value("--performer");
        String email = a.value("--email"), phone = a.value("--phone");
        if (department != null && performer != null) return usageError(err, "name a department or a performer, not both.");
        if ((email != null || phone != null) && department == null && performer == null) return usageError(err, "name the department or performer.");
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) return usageError(err, "'" + email + "' is not an e-mail address.");
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) return usageError(err, "'" + phone + "' is not a phone number.");
        Path file = Path.of(a.positional().get(0));
        try {
            ProductionData data = Projects.read(file);
            if (department == null && performer == null) {
                Map<UUID, Contact> contacts;
                try (ProductionStore store = ProductionStore.openReadOnly(file)) {
                    contacts = store.schedule().contacts();
                }
                for (Department d : data.departments()) {
                    out.println("Department " + d.name() + ": head " + (d.headName().isBlank() ? "(not named)" : d.headName()) + describe(contacts.get(d.id())));
                }
                for (CastMember c : data.cast()) out.println("Cast " + c.display() + describe(contacts.get(c.id())));
                return OK;
            }
            UUID owner;
            String who;
            if (department != null) {
                List<Department> found = data.departments().stream().filter(d -> d.name().equalsIgnoreCase(department.strip())).toList();
                if (found.size() != 1) return usageError(err, "there is no department called '" + department + "'.");
                owner = found.get(0).id();
                who = found.get(0).name() + " (head)";
            } else {
                List<CastMember> found = data.cast().stream().filter(c -> Names.same(c.performer(), performer) || c.id().toString().equalsIgnoreCase(performer)).toList();
                if (found.size() != 1) return usageError(err, found.isEmpty() ? "there is no performer called '" + performer + "' in the cast."
                        : "more than one cast row is called '" + performer + "'; give the cast id.");
                owner = found.get(0).id();
                who = found.get(0).performer();
            }
            try (ProductionStore store = ProductionStore.open(file)) {
                Contact before = store.schedule().contacts().getOrDefault(owner, new Contact(owner, "", ""));
                Contact after = new Contact(owner, email == null ? before.email() : email, phone == null ? before.phone() : phone);
                store.schedule().setContact(after);
                out.println(who + describe(after));
            }
            return OK;
        } catch (ProjectFileException | StoreException e) {
            err.println("clearframe: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static String describe(Contact c) {
        if (c == null || c.isEmpty()) return ": no contact details";
        return ":" + (c.email().isEmpty() ? "" : " " + c.email()) + (c.phone().isEmpty() ? "" : " " + c.phone());
    }
}
