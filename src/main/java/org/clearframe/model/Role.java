package org.clearframe.model;

/**
 * Who may have to sign for an AI use. Person roles (the performer, their estate) expand to one signature per
 * affected performer; the others are one signature each, given by whoever holds the role on this production.
 * {@code department} is the department whose head usually holds the role, used to group open sign-offs.
 */
public enum Role implements Labelled {
    DIRECTOR("Director", "Direction", false),
    FIRST_AD("First assistant director", "Direction", false),
    VFX_SUPERVISOR("VFX supervisor", "VFX", false),
    POST_SUPERVISOR("Post-production supervisor", "Editorial", false),
    EDITOR("Editor", "Editorial", false),
    PRODUCTION_DESIGNER("Production designer", "Art / Production Design", false),
    COSTUME_DESIGNER("Costume designer", "Costume / Wardrobe", false),
    MAKEUP_HAIR_HEAD("Makeup & hair head", "Makeup & Hair", false),
    SOUND_SUPERVISOR("Sound supervisor", "Sound", false),
    CASTING("Casting director", "Casting", false),
    REPLACED_DEPARTMENT_HEAD("Head of the replaced department", "Special Effects", false),
    WRITER("Writer(s)", "Writing", false),
    PERFORMER("Affected performer", "Cast", true),
    RIGHTS_HOLDER("Estate or rights holder", "Cast", true),
    UNION_NOTICE("Union notice (SAG-AFTRA / IATSE)", "Production", false),
    STUDIO_AI_CONTACT("Studio AI contact", "Production", false),
    STUDIO_LEGAL("Studio legal", "Legal", false),
    DISTRIBUTOR("Distributor", "Production", false);

    private final String label;
    private final String department;
    private final boolean perPerson;

    Role(String label, String department, boolean perPerson) {
        this.label = label;
        this.department = department;
        this.perPerson = perPerson;
    }

    @Override public String label() { return label; }

    /** Name of the department whose head usually holds this role (or "Cast" for performers). */
    public String department() { return department; }

    /** True when each affected performer signs separately for this role. */
    public boolean perPerson() { return perPerson; }
}
