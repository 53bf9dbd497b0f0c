package io.icesync.groupware.gal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.icesync.core.FolderPath;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address list of a profile's groupware folders, as a user searches and browses it. */
class AddressListTest {
    private static final FolderPath OWN = FolderPath.of("Contacts");
    private static final FolderPath TEAM = FolderPath.of("Contacts", "Équipe");
    private static final FolderPath DIRECTORY = FolderPath.of("Public Folders", "Annuaire");
    private static final FolderPath ANNES = FolderPath.of("~anne@iwdemo.test", "Contacts");

    @TempDir
    Path tmp;

    Path groupware;

    @BeforeEach
    void profileWithContactsFolders() throws Exception {
        groupware = tmp.resolve("groupware");
        GalVdir vdir = new GalVdir(groupware);
        Path own = vdir.folder("CONTACTS", "Contacts");
        GalVdir.card(own, "a-zoe.vcf", "BEGIN:VCARD", "VERSION:3.0", "N:Martin;Zoé;;;", "FN:Zoé Martin",
                "EMAIL;TYPE=INTERNET,WORK:zoe.martin@iwdemo.test", "EMAIL;TYPE=INTERNET,HOME:zoe@perso.fr", "END:VCARD");
        GalVdir.card(own, "b-bernard.vcf", "BEGIN:VCARD", "VERSION:2.1",
                "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre;Bernard",
                "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Bernard Lef=C3=A8vre",
                "EMAIL;INTERNET;WORK:bernard@iwdemo.test", "EMAIL;INTERNET;HOME:b.lefevre@perso.fr", "END:VCARD");
        GalVdir.card(own, "c-broken.vcf", "BEGIN:VCARD", "VERSION:3.0", "FN:Cut Short");
        GalVdir.card(own, "d-helene.vcf", Charset.forName("windows-1252"), "BEGIN:VCARD", "VERSION:2.1",
                "N:Petit;Hélène", "FN:Hélène Petit", "EMAIL;INTERNET:helene.petit@iwdemo.test", "END:VCARD");
        Files.writeString(own.resolve(".tmp-e-half.vcf"), "BEGIN:VCARD\r\n");
        Path team = vdir.folder("CONTACTS", "Contacts", "Équipe");
        GalVdir.card(team, "1.vcf", "BEGIN:VCARD", "VERSION:4.0", "FN:Émile Durand", "N:Durand;Émile;;;",
                "EMAIL;TYPE=work;PREF=1:emile.durand@iwdemo.test", "END:VCARD");
        Path directory = vdir.folder("CONTACTS", "Public Folders", "Annuaire");
        GalVdir.card(directory, "x.vcf", "BEGIN:VCARD", "VERSION:3.0", "FN:Accueil", "ORG:IW Démo",
                "EMAIL:accueil@iwdemo.test", "END:VCARD");
        GalVdir.card(directory, "y.vcf", "BEGIN:VCARD", "VERSION:3.0", "N:Roux;Joséphine;;;", "FN:Joséphine Roux",
                "EMAIL:josephine.roux@iwdemo.test", "EMAIL:jroux@iwdemo.test", "END:VCARD");
        Path annes = vdir.folder("CONTACTS", "~anne@iwdemo.test", "Contacts");
        GalVdir.card(annes, "claire.vcf", "BEGIN:VCARD", "VERSION:3.0", "N:Dubois;Claire;;;", "FN:Claire Dubois",
                "EMAIL:claire.dubois@example.fr", "END:VCARD");
        Path calendar = vdir.folder("EVENTS", "Calendar");
        GalVdir.card(calendar, "stray.vcf", "BEGIN:VCARD", "VERSION:3.0", "FN:Not A Contact", "END:VCARD");
    }

    @Test
    void readsEveryContactsFolderWithItsOwnerAndSharing() {
        AddressList gal = AddressList.fromVdir(groupware);

        assertThat(gal.books()).extracting(AddressBook::folder, AddressBook::owner, AddressBook::shared).containsExactly(
                tuple(OWN, null, false), tuple(TEAM, null, false), tuple(DIRECTORY, null, true),
                tuple(ANNES, "anne@iwdemo.test", true));
        assertThat(gal.size()).isEqualTo(7);
        assertThat(names(gal.entries(DisplayOrder.ENUMERATED))).doesNotContain("Not A Contact", "Cut Short");
    }

    @Test
    void readsVCard21And30And40WithAccentsAndEveryAddress() {
        List<GalEntry> all = AddressList.fromVdir(groupware).entries(DisplayOrder.ENUMERATED);

        assertThat(all).extracting(GalEntry::displayName, GalEntry::emails, GalEntry::sourceOrder).contains(
                tuple("Zoé Martin", List.of("zoe.martin@iwdemo.test", "zoe@perso.fr"), 0),
                tuple("Bernard Lefèvre", List.of("bernard@iwdemo.test", "b.lefevre@perso.fr"), 1),
                tuple("Hélène Petit", List.of("helene.petit@iwdemo.test"), 2),
                tuple("Émile Durand", List.of("emile.durand@iwdemo.test"), 0),
                tuple("Joséphine Roux", List.of("josephine.roux@iwdemo.test", "jroux@iwdemo.test"), 1));
        assertThat(all).filteredOn(e -> e.displayName().equals("Zoé Martin")).singleElement()
                .satisfies(e -> assertThat(e.primaryEmail()).isEqualTo("zoe.martin@iwdemo.test"));
    }

    @Test
    void aBrokenCardIsSkippedWithAWarningAndTheRestIsListed() {
        AddressList gal = AddressList.fromVdir(groupware);

        assertThat(gal.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo(groupware.resolve("Contacts").resolve("c-broken.vcf"));
            assertThat(w.message()).contains("skipped");
        });
        assertThat(names(gal.search("", DisplayOrder.ENUMERATED))).contains("Hélène Petit");
    }

    @Test
    void enumeratedFollowsTheServersFolderTreeAndTheFolderOrder() {
        assertThat(names(AddressList.fromVdir(groupware).entries(DisplayOrder.ENUMERATED))).containsExactly(
                "Zoé Martin", "Bernard Lefèvre", "Hélène Petit", "Émile Durand", "Accueil", "Joséphine Roux", "Claire Dubois");
    }

    @Test
    void nameOrderSortsBooksByFolderNameThenEntriesByName() {
        List<GalEntry> entries = AddressList.fromVdir(groupware).entries(DisplayOrder.NAME);

        // "Annuaire", then the two "Contacts" books (by path: symbols before letters), then "Équipe" next to E.
        assertThat(entries).extracting(GalEntry::displayName, e -> DisplayOrder.NAME.folderLabel(e.folder())).containsExactly(
                tuple("Accueil", "Annuaire"), tuple("Joséphine Roux", "Annuaire"),
                tuple("Claire Dubois", "Contacts"),
                tuple("Bernard Lefèvre", "Contacts"), tuple("Hélène Petit", "Contacts"), tuple("Zoé Martin", "Contacts"),
                tuple("Émile Durand", "Équipe"));
        assertThat(entries.get(2).owner()).isEqualTo("anne@iwdemo.test");
    }

    @Test
    void pathOrderSortsByFullFolderPathWithAFolderBeforeItsSubFolders() {
        List<GalEntry> entries = AddressList.fromVdir(groupware).entries(DisplayOrder.PATH);

        assertThat(entries).extracting(GalEntry::displayName, e -> DisplayOrder.PATH.folderLabel(e.folder())).containsExactly(
                tuple("Claire Dubois", "~anne@iwdemo.test/Contacts"),
                tuple("Bernard Lefèvre", "Contacts"), tuple("Hélène Petit", "Contacts"), tuple("Zoé Martin", "Contacts"),
                tuple("Émile Durand", "Contacts/Équipe"),
                tuple("Accueil", "Public Folders/Annuaire"), tuple("Joséphine Roux", "Public Folders/Annuaire"));
    }

    @Test
    void nativeOrderIsOneListByNameAcrossFolders() {
        assertThat(names(AddressList.fromVdir(groupware).entries(DisplayOrder.NATIVE))).containsExactly(
                "Accueil", "Bernard Lefèvre", "Claire Dubois", "Émile Durand", "Hélène Petit", "Joséphine Roux", "Zoé Martin");
    }

    @Test
    void prefixSearchIgnoresCaseAndAccents() {
        AddressList gal = AddressList.fromVdir(groupware);

        assertThat(names(gal.search("jose", DisplayOrder.NATIVE))).containsExactly("Joséphine Roux");
        assertThat(names(gal.search("ÉMI", DisplayOrder.NATIVE))).containsExactly("Émile Durand");
        assertThat(names(gal.search("lefevre", DisplayOrder.NATIVE))).containsExactly("Bernard Lefèvre");
        assertThat(names(gal.search("helene", DisplayOrder.NATIVE))).containsExactly("Hélène Petit");
    }

    @Test
    void prefixSearchLooksAtGivenAndFamilyNamesAndAddresses() {
        AddressList gal = AddressList.fromVdir(groupware);

        assertThat(names(gal.search("dur", DisplayOrder.NATIVE))).containsExactly("Émile Durand");
        assertThat(names(gal.search("jroux", DisplayOrder.NATIVE))).containsExactly("Joséphine Roux");
        assertThat(names(gal.search("zoe@perso", DisplayOrder.NATIVE))).containsExactly("Zoé Martin");
        assertThat(names(gal.search("claire.dubois@example.fr", DisplayOrder.NATIVE))).containsExactly("Claire Dubois");
        assertThat(names(gal.search("ac", DisplayOrder.NATIVE))).containsExactly("Accueil");
        // the domain alone is not a prefix of anything the user would type a name for
        assertThat(gal.search("iwdemo", DisplayOrder.NATIVE)).isEmpty();
        assertThat(gal.search("nobody", DisplayOrder.NATIVE)).isEmpty();
    }

    @Test
    void anEmptyPrefixListsEverything() {
        AddressList gal = AddressList.fromVdir(groupware);

        assertThat(gal.search("", DisplayOrder.PATH)).hasSize(7);
        assertThat(gal.search("  ", DisplayOrder.PATH)).hasSize(7);
    }

    @Test
    void sharedAndPublicBooksJoinWhateverOwnFoldersAreChosen() {
        AddressList gal = AddressList.fromVdir(groupware, TEAM::equals);

        assertThat(gal.books()).extracting(AddressBook::folder).containsExactly(TEAM, DIRECTORY, ANNES);
    }

    @Test
    void escapedFolderNamesAreShownAsTheServerNamesThem() throws Exception {
        GalVdir vdir = new GalVdir(groupware);
        Path odd = vdir.folder("CONTACTS", "Clients%2FFournisseurs");
        GalVdir.card(odd, "f.vcf", "BEGIN:VCARD", "VERSION:3.0", "FN:Fournisseur", "EMAIL:f@example.fr", "END:VCARD");
        Path hidden = vdir.folder("CONTACTS", "%2Eperso 100%25");
        GalVdir.card(hidden, "g.vcf", "BEGIN:VCARD", "VERSION:3.0", "FN:Gaston", "END:VCARD");

        AddressList gal = AddressList.fromVdir(groupware);

        assertThat(gal.search("fourn", DisplayOrder.PATH)).singleElement()
                .satisfies(e -> assertThat(e.folder()).isEqualTo(FolderPath.of("Clients/Fournisseurs")));
        assertThat(gal.search("gaston", DisplayOrder.PATH)).singleElement()
                .satisfies(e -> assertThat(e.folder()).isEqualTo(FolderPath.of(".perso 100%")));
    }

    @Test
    void aProfileWithoutGroupwareFoldersHasAnEmptyList() {
        AddressList gal = AddressList.fromVdir(tmp.resolve("nothing-here"));

        assertThat(gal.size()).isZero();
        assertThat(gal.warnings()).isEmpty();
    }

    private static List<String> names(List<GalEntry> entries) {
        return entries.stream().map(GalEntry::displayName).toList();
    }
}
