package org.clearframe.pdf;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.Format;
import org.clearframe.model.Genre;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Flag;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.Rule;
import org.clearframe.rules.Severity;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Trigger;
import org.clearframe.testkit.ProductionBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A small, realistic production with hand-built flags in every signature state, for the PDF tests and the
 * example rendering: five scenes (one omitted, one not yet broken down), eight shots, six flags.
 */
public final class SampleBreakdown {

    public final ProductionData data;
    public final Map<UUID, List<Flag>> flags;
    /** The shot in the omitted scene, which must not print. */
    public final Shot omittedShot;

    private SampleBreakdown(ProductionData data, Map<UUID, List<Flag>> flags, Shot omittedShot) {
        this.data = data;
        this.flags = flags;
        this.omittedShot = omittedShot;
    }

    public static SampleBreakdown create() {
        Production production = new Production(UUID.randomUUID(), "The Salt Road", Format.FEATURE, Genre.FICTION,
                "Northlight Pictures", "Ada Brennan", "Zoë Niño", LocalDate.of(2027, 3, 1), "");
        List<Department> departments = new ArrayList<>();
        for (Department d : Department.defaults()) {
            String head = switch (d.name()) {
                case "VFX" -> "Kofi Mensah";
                case "Direction" -> "Zoë Niño";
                case "Sound" -> "Niamh Kelly";
                case "Casting" -> "Bea Okafor";
                case "Art / Production Design" -> "Marco Rossi";
                default -> "";
            };
            departments.add(new Department(d.id(), d.name(), head, "", d.colour()));
        }
        Department vfx = dept(departments, "VFX");
        Department art = dept(departments, "Art / Production Design");
        Department sound = dept(departments, "Sound");
        Department camera = dept(departments, "Camera");
        Department casting = dept(departments, "Casting");
        Department stunts = dept(departments, "Stunts");

        CastMember zoe = new CastMember(UUID.randomUUID(), "Zoë Niño", "Mara Hale", Tristate.YES, false);
        CastMember tomasz = new CastMember(UUID.randomUUID(), "Tomasz Wójcik", "Piotr", Tristate.YES, false);
        CastMember lena = new CastMember(UUID.randomUUID(), "Lena Sørensen", "Dr Ives", Tristate.UNKNOWN, false);
        CastMember ray = new CastMember(UUID.randomUUID(), "Ray Dunmore", "The old captain", Tristate.NO, true);

        Scene docks = new Scene(UUID.randomUUID(), "1", IntExt.EXT, "ŁÓDŹ DOCKS", "NIGHT",
                "Mara arrives by ferry from Łódź \u2014 the harbour is already burning.", 11, "Day 1",
                List.of(zoe.id(), tomasz.id()), false);
        Scene cannery = new Scene(UUID.randomUUID(), "2", IntExt.INT, "CANNERY FLOOR", "DAY",
                "Piotr addresses the strikers; the crowd turns on him.", 6, "Day 2", List.of(tomasz.id()), false);
        Scene cut = new Scene(UUID.randomUUID(), "3", IntExt.EXT, "LIGHTHOUSE", "DAWN", "Cut in the blue pages.", 3,
                "Day 2", List.of(), true);
        Scene corridor = new Scene(UUID.randomUUID(), "4A", IntExt.INT, "HOSPITAL CORRIDOR", "NIGHT",
                "Dr Ives shows Mara the captain's last recording.", 14, "Day 3", List.of(lena.id(), zoe.id(), ray.id()), false);
        Scene roof = Scene.numbered("5", IntExt.EXT, "CANNERY ROOF", "DUSK");

        AiUse fire = new AiUse(UUID.randomUUID(), Technique.GENERATIVE_VFX, "Burning harbour skyline extension",
                "Runway Gen-4", Output.FINAL, List.of(), List.of(vfx.id()), Set.of(Material.PRODUCTION_MATERIAL),
                Tristate.NO, Set.of(), "");
        AiUse deage = new AiUse(UUID.randomUUID(), Technique.DE_AGING, "Mara at 19 in the flashback", "Vendor: Lola VFX",
                Output.FINAL, List.of(zoe.id()), List.of(vfx.id()), Set.of(Material.LIKENESS_OR_VOICE), Tristate.NO,
                Set.of(Factor.PERFORMER_TOOK_PART), "");
        AiUse crowd = new AiUse(UUID.randomUUID(), Technique.SYNTHETIC_CROWD, "Fill the back of the hall", "Crowd tool",
                Output.FINAL, List.of(), List.of(vfx.id(), casting.id()), Set.of(), Tristate.NO, Set.of(), "");
        AiUse voice = new AiUse(UUID.randomUUID(), Technique.VOICE_SYNTHESIS, "Polish dub of Piotr's speech",
                "ElevenLabs", Output.FINAL, List.of(tomasz.id()), List.of(sound.id()), Set.of(Material.LIKENESS_OR_VOICE),
                Tristate.UNKNOWN, Set.of(), "");
        AiUse concept = AiUse.of(Technique.SET_CONCEPT, "Corridor mood boards", "Midjourney", Output.TEMPORARY);
        AiUse captain = new AiUse(UUID.randomUUID(), Technique.DIGITAL_REPLICA, "The captain's recorded message",
                "In-house", Output.FINAL, List.of(ray.id()), List.of(vfx.id()), Set.of(), Tristate.NO, Set.of(), "");

        Shot s11 = new Shot(UUID.randomUUID(), docks.id(), "1", "Wide: the ferry rounds the breakwater, fires on the skyline",
                ShotSize.EXTREME_WIDE, "High", "Slow push", "24mm", 8, List.of(camera.id(), vfx.id()), "", List.of(fire));
        Shot s12 = new Shot(UUID.randomUUID(), docks.id(), "2", "Mara at the rail, Piotr behind her",
                ShotSize.MEDIUM_CLOSE, "Eye level", "Handheld", "50mm", 4.5, List.of(camera.id()), "", List.of());
        Shot s13 = new Shot(UUID.randomUUID(), docks.id(), "3", "Flashback: young Mara on the same rail",
                ShotSize.CLOSE_UP, "Eye level", "Static", "85mm", 5, List.of(camera.id(), vfx.id()),
                "Matches 1/2 framing", List.of(deage));
        Shot s21 = new Shot(UUID.randomUUID(), cannery.id(), "1", "The strikers fill the cannery floor",
                ShotSize.WIDE, "High", "Crane down", "18mm", 6, List.of(camera.id(), stunts.id()), "", List.of(crowd));
        Shot s22 = new Shot(UUID.randomUUID(), cannery.id(), "2", "Piotr's speech, in Polish",
                ShotSize.MEDIUM, "Low", "Dolly in", "35mm", 12, List.of(camera.id(), sound.id()), "", List.of(voice));
        Shot s31 = new Shot(UUID.randomUUID(), cut.id(), "1", "Lighthouse at dawn", ShotSize.WIDE, "", "", "", 3,
                List.of(), "", List.of());
        Shot s41 = new Shot(UUID.randomUUID(), corridor.id(), "1", "Long corridor, fluorescent flicker",
                ShotSize.WIDE, "Eye level", "Steadicam", "21mm", 7, List.of(art.id()), "", List.of(concept));
        Shot s42 = new Shot(UUID.randomUUID(), corridor.id(), "2", "The captain speaks from the tablet",
                ShotSize.INSERT, "Over the shoulder", "Static", "65mm", 9, List.of(vfx.id(), sound.id()), "", List.of(captain));

        Instant oct = Instant.parse("2026-10-12T10:00:00Z");
        Instant nov = Instant.parse("2026-11-20T15:30:00Z");
        Map<UUID, List<Flag>> flags = new HashMap<>();
        flags.put(s11.id(), List.of(flag("VFX-GEN-FINAL", "Generative VFX in the final deliverable", Severity.BLOCKING, s11, fire,
                "Generative VFX output reaches the final cut.",
                sig(Role.VFX_SUPERVISOR, null, "", SignatureState.APPROVED, s11, "VFX-GEN-FINAL", "Kofi Mensah", Decision.APPROVED, nov, ""),
                sig(Role.STUDIO_AI_CONTACT, null, "", SignatureState.MISSING, null, null, null, null, null, null))));
        flags.put(s13.id(), List.of(flag("DEAGE-PERFORMER", "De-aging an identifiable performer", Severity.BLOCKING, s13, deage,
                "De-ages Zoë Niño.",
                sig(Role.PERFORMER, zoe.id(), zoe.performer(), SignatureState.APPROVED_WITH_CONDITIONS, s13, "DEAGE-PERFORMER",
                        "Zoë Niño", Decision.APPROVED_WITH_CONDITIONS, nov, "Final look to be approved by her"),
                sig(Role.DIRECTOR, null, "", SignatureState.APPROVED, s13, "DEAGE-PERFORMER", "Zoë Niño", Decision.APPROVED, nov, ""),
                sig(Role.VFX_SUPERVISOR, null, "", SignatureState.STALE, s13, "DEAGE-PERFORMER", "Kofi Mensah", Decision.APPROVED, oct, ""),
                sig(Role.STUDIO_LEGAL, null, "", SignatureState.MISSING, null, null, null, null, null, null))));
        flags.put(s21.id(), List.of(flag("SYNTH-CROWD", "AI-generated crowd or background actors", Severity.ADVISORY, s21, crowd,
                "Background performers are generated.",
                sig(Role.CASTING, null, "", SignatureState.APPROVED, s21, "SYNTH-CROWD", "Bea Okafor", Decision.APPROVED, nov, ""),
                sig(Role.FIRST_AD, null, "", SignatureState.APPROVED, s21, "SYNTH-CROWD", "Lena Sørensen", Decision.APPROVED, nov, ""),
                sig(Role.UNION_NOTICE, null, "", SignatureState.APPROVED, s21, "SYNTH-CROWD", "Ada Brennan", Decision.APPROVED, nov, ""))));
        flags.put(s22.id(), List.of(
                flag("VOICE-CLONE", "Voice synthesis or cloning of a performer", Severity.BLOCKING, s22, voice,
                        "Clones Tomasz Wójcik's voice for the Polish dub.",
                        sig(Role.PERFORMER, tomasz.id(), tomasz.performer(), SignatureState.DECLINED, s22, "VOICE-CLONE",
                                "Tomasz Wójcik", Decision.DECLINED, nov, "Will record the Polish lines himself"),
                        sig(Role.SOUND_SUPERVISOR, null, "", SignatureState.MISSING, null, null, null, null, null, null),
                        sig(Role.STUDIO_LEGAL, null, "", SignatureState.MISSING, null, null, null, null, null, null)),
                flag("VENDOR-TRAINS", "The tool or vendor may train on uploads", Severity.BLOCKING, s22, voice,
                        "Whether the vendor trains on uploads is unknown.",
                        sig(Role.STUDIO_LEGAL, null, "", SignatureState.MISSING, null, null, null, null, null, null),
                        sig(Role.STUDIO_AI_CONTACT, null, "", SignatureState.MISSING, null, null, null, null, null, null))));
        flags.put(s41.id(), List.of(flag("SET-CONCEPT", "AI set or environment concept", Severity.ADVISORY, s41, concept,
                "Concept art only; nothing generated reaches the screen.",
                sig(Role.PRODUCTION_DESIGNER, null, "", SignatureState.MISSING, null, null, null, null, null, null))));
        flags.put(s42.id(), List.of(flag("REPLICA-DECEASED", "Replica of a deceased person", Severity.BLOCKING, s42, captain,
                "Recreates the late Ray Dunmore.",
                sig(Role.RIGHTS_HOLDER, ray.id(), ray.performer(), SignatureState.MISSING, null, null, null, null, null, null),
                sig(Role.STUDIO_LEGAL, null, "", SignatureState.MISSING, null, null, null, null, null, null))));
        flags.put(s31.id(), List.of(flag("COPYRIGHT-REF", "References a protected work", Severity.BLOCKING, s31, null,
                "In a scene that has since been cut.",
                sig(Role.STUDIO_LEGAL, null, "", SignatureState.MISSING, null, null, null, null, null, null))));

        ProductionData data = ProductionBuilder.of(production).departments(departments).cast(zoe, tomasz, lena, ray)
                .scene(docks).shot(s11).shot(s12).shot(s13)
                .scene(cannery).shot(s21).shot(s22)
                .scene(cut).shot(s31)
                .scene(corridor).shot(s41).shot(s42)
                .scene(roof)
                .data();
        return new SampleBreakdown(data, Map.copyOf(flags), s31);
    }

    /** Every flag that should print: all but the one on the omitted scene's shot. */
    public List<Flag> printedFlags() {
        return flags.values().stream().flatMap(List::stream).filter(f -> !f.shotId().equals(omittedShot.id())).toList();
    }

    public List<Shot> printedShots() {
        return data.shots().stream().filter(s -> !s.id().equals(omittedShot.id())).toList();
    }

    static Department dept(List<Department> departments, String name) {
        return departments.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    static Flag flag(String id, String title, Severity severity, Shot shot, AiUse use, String reason, RequiredSignature... sigs) {
        List<Role> roles = java.util.Arrays.stream(sigs).map(RequiredSignature::role).distinct().toList();
        Rule rule = new Rule(id, title, "", Trigger.always(), roles, severity, List.of());
        return new Flag(rule, shot.id(), use, reason, List.of(sigs));
    }

    static RequiredSignature sig(Role role, UUID subject, String subjectName, SignatureState state, Shot shot, String ruleId,
                                 String signer, Decision decision, Instant at, String note) {
        SignOff latest = shot == null ? null
                : new SignOff(UUID.randomUUID(), shot.id(), ruleId, role, subject, signer, decision, note, at, "fp");
        return new RequiredSignature(role, subject, subjectName, state, latest);
    }
}
