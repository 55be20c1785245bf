/* Attribution: quotes, reporting frames, pronouns, hedges. The claims are made by hand
 * from a marked number, so these tests do not depend on the quantity stage. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "claim.h"
#include "claimtrack/claimtrack.h"
#include "segment.h"
#include "testutil.h"

typedef struct {
    char *speaker, *kind, *role, *org, *hedge;
    bool hedged;
    ct_doc *doc; /* quotes, kept for inspection */
} result;

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    ck_assert_ptr_nonnull(d);
    memcpy(d, s, n);
    return d;
}

/* Attribute the claim at the n-th occurrence of needle in text (its tokens). */
static result attrib_nth(const char *text, const char *needle, int n)
{
    size_t len = strlen(text);
    size_t off = tu_find(text, len, needle, n);
    ck_assert_msg(off != (size_t)-1, "needle %s not in text", needle);
    size_t end = off + strlen(needle);
    result r = {0};
    ct_doc *doc = calloc(1, sizeof *doc);
    ck_assert_ptr_nonnull(doc);
    ct_attrib *st = NULL;
    ck_assert_int_eq(ct__attrib_new(&st), CT_OK);
    ct_segmenter seg;
    ct__segment_init(&seg, text, len);
    const ct_block *blk;
    ct_claim claim;
    memset(&claim, 0, sizeof claim);
    bool found = false;
    while (ct__segment_next(&seg, &blk) == 1) {
        ct_quantity q;
        ct_claim_ref ref = {&q, &claim, NULL};
        size_t nrefs = 0;
        memset(&q, 0, sizeof q);
        for (uint32_t i = 0; i < blk->ntoks && !found; i++) {
            const ct_token *t = &blk->toks[i];
            if (t->start != off)
                continue;
            uint32_t j = i;
            while (j < blk->ntoks && blk->toks[j].start < end)
                j++;
            q.start = off;
            q.end = end;
            q.tok_first = i;
            q.tok_end = j;
            for (uint32_t s = 0; s < blk->nsents; s++)
                if (blk->sents[s].tok_first <= i)
                    q.sent = s;
            q.kind = CT_KIND_MONEY;
            nrefs = 1;
            found = true;
        }
        ck_assert_int_eq(ct__attrib_block(st, blk, &ref, nrefs, doc), CT_OK);
    }
    ck_assert_int_eq(ct__attrib_finish(st, doc), CT_OK);
    ck_assert_msg(found, "needle %s is not at a token start", needle);
    r.speaker = dup_or_null(claim.speaker);
    r.kind = dup_or_null(claim.speaker_kind);
    r.role = dup_or_null(claim.speaker_role);
    r.org = dup_or_null(claim.speaker_org);
    r.hedge = dup_or_null(claim.hedge_cue);
    r.hedged = claim.hedged;
    r.doc = doc;
    ct__attrib_free(st);
    ct__segment_free(&seg);
    return r;
}

static result attrib_of(const char *text, const char *needle)
{
    return attrib_nth(text, needle, 1);
}

static void result_free(result *r)
{
    free(r->speaker);
    free(r->kind);
    free(r->role);
    free(r->org);
    free(r->hedge);
    ct_doc_free(r->doc);
}

#define ck_speaker(text, needle, want)                                                    \
    do {                                                                                  \
        result r_ = attrib_of(text, needle);                                              \
        const char *w_ = (want);                                                          \
        if (w_ == NULL)                                                                   \
            ck_assert_msg(r_.speaker == NULL, "speaker %s, want none", r_.speaker);       \
        else                                                                              \
            ck_assert_msg(r_.speaker && strcmp(r_.speaker, w_) == 0, "speaker %s, want %s", \
                          r_.speaker ? r_.speaker : "(none)", w_);                        \
        result_free(&r_);                                                                 \
    } while (0)

static size_t quote_count(const result *r) { return ct_doc_quote_count(r->doc); }

/* ---- frames ---- */

START_TEST(frame_x_said)
{
    /* a middle initial stays in the name */
    ck_speaker("Polls close.\n\nJeffrey M. Jones said 40 people came.", "40", "Jeffrey M. Jones");
    ck_speaker("Chris Lehane said the company spent $5 million on chips.", "$5", "Chris Lehane");
    ck_speaker("The company spent $5 million on chips, Chris Lehane said.", "$5", "Chris Lehane");
    ck_speaker("The company spent $5 million on chips, said Chris Lehane.", "$5", "Chris Lehane");
    ck_speaker("Lehane has also said the company spent $5 million.", "$5", "Lehane");
}
END_TEST

START_TEST(frame_told_stated_estimated_claims)
{
    ck_speaker("Victor Riparbelli told CNBC that 5% of work will move.", "5%", "Victor Riparbelli");
    ck_speaker("Abishur Prakash stated that costs fell 5%.", "5%", "Abishur Prakash");
    ck_speaker("SemiAnalysis estimated that the firm owns $500 million of chips.", "$500",
               "SemiAnalysis");
    ck_speaker("DeepSeek claims the model cost $6 million.", "$6", "DeepSeek");
}
END_TEST

START_TEST(frame_according_to)
{
    ck_speaker("According to Kai-Fu Lee, the model cost $3 million to train.", "$3",
               "Kai-Fu Lee");
    ck_speaker("The model cost $3 million to train, according to analysts.", "$3", "analysts");
}
END_TEST

START_TEST(frame_in_a_statement)
{
    ck_speaker("In a statement, the ministry said exports rose 7%.", "7%", "ministry");
}
END_TEST

START_TEST(frame_appositive_role_and_org)
{
    result r = attrib_of("Zhou Hongyi, the co-founder of Qihoo, said sales rose 9%.", "9%");
    ck_assert_str_eq(r.speaker, "Zhou Hongyi");
    ck_assert_str_eq(r.kind, "person");
    ck_assert_ptr_nonnull(r.role);
    ck_assert_str_eq(r.org, "Qihoo");
    result_free(&r);
    r = attrib_of("Sales rose 9%, said Chris Lehane of OpenAI.", "9%");
    ck_assert_str_eq(r.speaker, "Chris Lehane");
    ck_assert_str_eq(r.org, "OpenAI");
    result_free(&r);
    r = attrib_of("SemiAnalysis, a semiconductor analytics firm, estimated it owns $500 million "
                  "of chips.", "$500");
    ck_assert_str_eq(r.speaker, "SemiAnalysis");
    ck_assert_str_eq(r.kind, "organization");
    result_free(&r);
}
END_TEST

START_TEST(frame_document_speaks_for_its_author)
{
    ck_speaker("DeepSeek shocked markets with a technical paper that stated the model cost less "
               "than $6 million.", "$6", "DeepSeek");
    ck_speaker("According to a report published by SemiAnalysis, spending was above $500 million.",
               "$500", "SemiAnalysis");
    result r = attrib_of("A new Quinnipiac University poll found that 45% of voters agree.", "45%");
    ck_assert_str_eq(r.speaker, "new Quinnipiac University poll");
    ck_assert_str_eq(r.kind, "document");
    result_free(&r);
}
END_TEST

START_TEST(frame_anonymous_groups)
{
    ck_speaker("Experts say the model is 10 times cheaper.", "10", "Experts");
    ck_speaker("People familiar with the matter said the deal is worth $2 billion.", "$2",
               "People familiar with the matter");
}
END_TEST

START_TEST(frame_beliefs_and_stances)
{
    /* what a source believes, wants or backs is theirs, not the outlet's */
    ck_speaker("Sanders has called for the minimum wage to be raised to $15 by 2020.", "$15",
               "Sanders");
    ck_speaker("Senior advisers believe Clinton will have 90% of the delegates.", "90%",
               "Senior advisers");
    ck_speaker("Walker endorsed freeing all 2,472 delegates.", "2,472", "Walker");
    ck_speaker("The Clinton team hopes to raise $5 million.", "$5", "Clinton team");
    /* no inverted frame, and no source inside the cue's own clause */
    ck_speaker("The plan costs $5 million, wants nobody.", "$5", NULL);
    ck_speaker("Voters who backed Trump gave $5 million.", "$5", NULL);
    ck_speaker("The Tax Foundation puts the figure at $498 billion.", "$498", "Tax Foundation");
    ck_speaker("PolitiFact rated 22% of the claims as true.", "22%", "PolitiFact");
    /* ", but would ...": the same source goes on */
    ck_speaker("The Tax Policy Center says it would depress revenue, but would eventually add "
               "$84 billion over 10 years.", "$84", "Tax Policy Center");
    ck_speaker("The Tax Policy Center says it would depress revenue, but Congress spent "
               "$84 billion.", "$84", NULL);
    /* what someone calls for or threatens, what a named report says */
    ck_speaker("Bernie Sanders renewed his call to raise the minimum wage to $15 an hour.", "$15",
               "Bernie Sanders");
    ck_speaker("Clinton seized on a New York Times report that Trump lost $915 million.",
               "$915", "New York Times report");
    ck_speaker("Clinton seized on the report that Trump lost $915 million.", "$915", NULL);
    /* a report outranks a stance inside it; "has support" is a noun */
    ck_speaker("Mr. Trump was blunt, claiming that President Obama wanted to take in 250,000 "
               "refugees.", "250,000", "Trump");
    ck_speaker("Mrs. Clinton has support from 52 percent of voters.", "52", NULL);
    /* the progressive */
    ck_speaker("Florida elections officials are expecting a turnout of 4 million voters.", "4",
               "Florida elections officials");
    ck_speaker("The voters, who are expecting 4 million more, arrived.", "4", NULL);
    /* nouns, not cues */
    ck_speaker("Public support for the plan fell to 40 percent.", "40", NULL);
}
END_TEST

START_TEST(frame_subject_past_an_aside)
{
    /* the sentence's subject speaks, past an aside between commas */
    ck_speaker("Senator John Cornyn of Texas, the No. 2 Republican in the Senate, said the "
               "chamber will vote on 4 measures.", "4", "John Cornyn");
    ck_speaker("An Associated Press survey of superdelegates, who are influential in picking "
               "the nominee, found that 449 of them back Clinton.", "449",
               "Associated Press survey");
    ck_speaker("A Times/CBS News poll in December found that 30% of voters agree.", "30%",
               "Times/CBS News poll");
    /* a document's findings go on past "while" */
    ck_speaker("A poll released Saturday found that 28 percent backed Trump, while 23 percent "
               "favored Cruz.", "23", "poll");
    /* a capitalised poll, and "according to" after a colon */
    ck_speaker("In a national USA TODAY/Suffolk University Poll, 38 percent said no.", "38",
               "national USA TODAY/Suffolk University Poll");
    ck_speaker("It has not gone unnoticed: According to recent polls, Trump holds 14 percent.",
               "14", "recent polls");
    ck_speaker("She trails him in the RealClearPolitics average of New Hampshire polls by "
               "nearly 9 points.", "9", "RealClearPolitics average");
    ck_speaker("Bernie Sanders spoke. Sanders, meanwhile, who sits at zero endorsements, said "
               "that 2 of them matter.", "2", "Bernie Sanders");
    /* a long source between the last comma and a cue ending the sentence */
    ck_speaker("Donations hit nearly $1.1 billion through August, a USA TODAY analysis of newly "
               "filed campaign-finance reports shows.", "$1.1", "USA TODAY analysis");
    ck_speaker("Donations hit nearly $1.1 billion through August, which is what it shows.",
               "$1.1", NULL);
    /* a verb of being between is no frame: the poll is not what the voters said */
    ck_speaker("The poll has bad news for Bush, who trails at 4 percent, voters said.", "4",
               "voters");
    ck_speaker("Paul Porter, a truck driver, drove 400 miles, and later said it was fine.", "400",
               NULL);
}
END_TEST

START_TEST(no_attribution_is_outlets_own)
{
    ck_speaker("Nvidia lost $600 billion in market value on Monday.", "$600", NULL);
    /* a cue in another sentence does not reach this one */
    ck_speaker("Lehane said the race is on. Nvidia lost $600 billion on Monday.", "$600", NULL);
    /* the source's own clause is not what it says */
    ck_speaker("Trump, who raised $5 million, said the race is on.", "$5", NULL);
    /* nouns are not cues */
    ck_speaker("DeepSeek's claims about costs drew scrutiny; shares fell 5%.", "5%", NULL);
    ck_speaker("DeepSeek's claims put the cost at $6 million.", "$6", "DeepSeek");
    ck_speaker("The United States spent $9 billion.", "$9", NULL);
}
END_TEST

START_TEST(frame_polls_and_records)
{
    ck_speaker("In a Washington Post/ABC News poll released Sunday, just 8 percent of Democrats "
               "backed him.", "8", "Washington Post/ABC News poll");
    ck_speaker("A WBUR poll last week showed Rubio in third at 11 percent.", "11", "WBUR poll");
    ck_speaker("More than 40 percent of that money arrived in February, new fundraising reports "
               "show.", "40", "new fundraising reports");
    /* the poll, not the voters it quotes */
    ck_speaker("The poll showed that 56% of voters say the Senate should act.", "56%", "poll");
}
END_TEST

START_TEST(frame_parenthetical_and_as)
{
    ck_speaker("After small increases, the budget office said, deficits will exceed 3 percent.",
               "3", "budget office");
    ck_speaker("As Purple PAC's Crane said, the two candidates lost 5 points.", "5", "Crane");
    ck_speaker("Wealth-X keeps its finances secret but says its business grew 3 times.", "3",
               "Wealth-X");
    ck_speaker("Days before its earnings, the social media company said on Friday that it had "
               "suspended 125,000 accounts.", "125,000", "social media company");
    ck_speaker("Last year, Sen. Mitch McConnell (R-Ky.) said that he needs 67 senators.", "67",
               "Mitch McConnell");
    ck_speaker("As Donald Trump spoke, a 15-year-old girl was pepper-sprayed, police said.", "15",
               "police");
    /* a trailing frame covers what came before, not "said in front of 1,000 people" */
    ck_speaker("\"I am going to say it again,\" Mr. Rubio said in front of a crowd of 1,000 "
               "people.", "1,000", NULL);
}
END_TEST

START_TEST(frame_day_and_state_between_source_and_cue)
{
    /* "on Tuesday" between the source and its cue */
    ck_speaker("Sanders on Tuesday said he wants to attack four provisions.", "four", "Sanders");
    /* the party-and-state label's period is no sentence end */
    ck_speaker("\"We spent 24 hours on it,\" Senate Majority Leader Mitch McConnell, R-Ky., said.",
               "24", "Senate Majority Leader Mitch McConnell");
}
END_TEST

START_TEST(frame_role_before_named_aside)
{
    result r = attrib_of("\"We found 4 problems with the visa program,\" the White House "
                         "spokesman, Josh Earnest, said on Thursday.", "4");
    ck_assert_str_eq(r.speaker, "Josh Earnest");
    ck_assert_str_eq(r.role, "White House spokesman");
    result_free(&r);
}
END_TEST

START_TEST(frame_name_and_colon)
{
    ck_speaker("RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: \"Gallup finds that 20 states are "
               "solidly Republican.\"", "20", "Jeffrey M. Jones");
    /* a label is not a speaker */
    ck_speaker("The result: the campaign spent $4 million in February.", "$4", NULL);
}
END_TEST

START_TEST(frame_inverted_source_with_lower_case_modifier)
{
    /* "said former Wisconsin Gov. Jim Doyle": a modifier before the name */
    ck_speaker("\"Obama had that role four years ago,\" said former Wisconsin Gov. Jim Doyle.",
               "four", "former Wisconsin Gov. Jim Doyle");
    /* a time after the cue is no source */
    ck_speaker("\"We paid $4 million,\" said last Monday.", "$4", NULL);
}
END_TEST

START_TEST(frame_adverb_between_source_and_cue)
{
    ck_speaker("Voters sued.\n\nIn 2000 the state incorrectly stated that about 12,000 voters "
               "were felons.", "12,000", "state");
    /* a weak cue passes an adverb only after a name */
    ck_speaker("Donald Trump continually brags about his 11 debates.", "11", "Donald Trump");
    /* "early" is no -ly adverb to pass */
    ck_speaker("Polls closed early said 40 people.", "40", NULL);
}
END_TEST

START_TEST(frame_subject_after_a_subordinator)
{
    /* "when" opens a clause: its subject speaks, not what came before the comma */
    ck_speaker("They cite the election in Florida, when the state stated that about 12,000 "
               "voters were felons.", "12,000", "state");
    /* a determiner and an adjective before the name still mark a trailing source */
    ck_speaker("Deficits will end in 2 years, the nonpartisan Congressional Budget Office "
               "reported on Tuesday.", "2 years", "Congressional Budget Office");
}
END_TEST

START_TEST(frame_document_heading_a_long_subject)
{
    ck_speaker("Early results of exit polls conducted by Edison Research for The Associated "
               "Press show two-thirds of voters support the ban.", "two-thirds",
               "Early results of exit polls");
    ck_speaker("Early results of exit polls conducted by Edison Research for The Associated "
               "Press and television networks show 7 in 10 voters support it.", "7 in 10",
               "Early results of exit polls");
    ck_speaker("Early results of an entrance poll of caucus-goers is showing that she won "
               "voters with incomes over $50,000.", "$50,000", "Early results of an entrance poll");
    ck_speaker("With the economy adding 151,000 jobs, stocks rose.", "151,000", NULL);
    ck_speaker("A Marist College poll for NBC News released last week actually showed Trump "
               "with 9 percent support.", "9 percent", "Marist College poll");
}
END_TEST

START_TEST(frame_participle_after_a_frame)
{
    /* ", noting that" goes on with the source of the frame just before it */
    ck_speaker("\"Protections have weakened,\" Mr. Biden added, noting that more than 60 "
               "percent of workers qualified in 1975.", "60", "Biden");
}
END_TEST

START_TEST(frame_cue_followed_by_a_bound_or_a_day)
{
    /* "at least" is the claim's bound, not an adverbial phrase after the cue */
    ck_speaker("Friday morning, CNN reported at least six planes filled the skies.", "six",
               "CNN");
    /* "said Thursday." ends the sentence: the frame covers what came before */
    ck_speaker("A couple and their two children were among the passengers, spokesman Benali "
               "Abdelaziz said Thursday.", "two", "Benali Abdelaziz");
}
END_TEST

START_TEST(frame_short_colon_line_introduces_the_next)
{
    /* a line of three words ending in a colon is no section heading */
    ck_speaker("Refugees arrive.\n\nMatthew Soerens said 40 families came.\n\nSoerens argued that:\n\nOnly 2,200 Syrians "
               "have come.", "2,200", "Matthew Soerens");
    ck_speaker("Emails leak.\n\nFox News reports:\n\nAt least four emails had their markings changed.", "four",
               "Fox News");
}
END_TEST

START_TEST(frame_trailing_source_speaks_for_all_before_it)
{
    /* "organizers added" is inside what the Sun-Times reported */
    ck_speaker("In Chicago, organizers added 160 guards along the route, the Sun-Times "
               "reported.", "160", "Sun-Times");
    ck_speaker("Polls show that voters like him, with 56 percent viewing him positively, "
               "according to a CNN/ORC poll in February.", "56", "CNN");
    ck_speaker("The middle fifth paid 8.9 percent, the agency said in a June report, and the "
               "bottom fifth paid 0.8 percent.", "0.8", "agency");
    /* "according to" inside parentheses covers only the parenthesis */
    ck_speaker("Trump repeated his claim that blacks killed 81 percent of victims (the number is "
               "closer to 15 percent, according to Factcheck.org).", "15", "Factcheck.org");
    ck_speaker("Trump repeated his claim that blacks killed 81 percent of victims (the number is "
               "closer to 15 percent, according to Factcheck.org).", "81", "Trump");
}
END_TEST

START_TEST(frame_source_past_an_adverbial_aside)
{
    ck_speaker("Cement makers, for instance, argue that imports grew to 40 percent.", "40",
               "Cement makers");
    ck_speaker("Sanders, meanwhile, said that 40 mayors endorsed him.", "40", "Sanders");
    ck_speaker("Sanders, meanwhile, who has no such endorsements, said that 40 mayors erred.",
               "40", "Sanders");
    ck_speaker("The Washington Post\u2014even the devil knows\u2014observed that Republicans "
               "control 30 states.", "30", "Washington Post");
    ck_speaker("A representative for the brand - a 12-employee business - noted that it "
               "offers eight weeks of paid leave.", "eight weeks", "representative");
    ck_speaker("The interior minister, Bernard Cazeneuve, said that 80 people were killed.",
               "80", "Bernard Cazeneuve");
    ck_speaker("Gowdy earlier Thursday said the committee held 75 interviews.", "75", "Gowdy");
    ck_speaker("Corker said in an interview Wednesday, pointing out that 98 senators voted.",
               "98", "Corker");
    ck_speaker("One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church in "
               "Marion, said he made more than 150 calls.", "150", "Darran Whiting");
    ck_speaker("Elected officials from both parties say he has a 40-year career.", "40-year",
               "Elected officials from both parties");
    ck_speaker("In an interview, Ham made it clear he retired two years ago.", "two years",
               "Ham");
    ck_speaker("The Real Clear Politics average puts Clinton at 47.3 percent.", "47.3",
               "Real Clear Politics average");
    ck_speaker("Ham said little. The sky was clear for 20 miles.", "20", NULL);
    ck_speaker("Absent his plan, which he has not introduced, Clinton pointed to the nine "
               "times Sanders has laid out a plan.", "nine", "Clinton");
    /* a quote before the cue is what was said: "in August after ..." only says when */
    ck_speaker("\u201CI love Oreos,\u201D Trump said in August after Nabisco announced it was "
               "laying off 600 bakery workers in Chicago and building a plant.", "600", "Nabisco");
    ck_speaker("As White House press secretary Josh Earnest explained, three taxes were "
               "postponed.", "three", "Josh Earnest");
    ck_speaker("Michael Leahy previously reported, The Clinton Foundation refused to name "
               "1,076 donors.", "1,076", "Michael Leahy");
    ck_speaker("A Fox News poll, conducted jointly with Anderson Robbins Research (D) and Shaw "
               "& Company Research (R), shows Sanders with 47 percent.", "47", "Fox News poll");
    /* "the finance minister" refers back: "he" after it is still the person named */
    ck_speaker("Budget day.\n\nMr Chidambaram said growth was strong.\n\nThe finance "
               "minister says he is committed to reform. As part of his reforms he has "
               "announced:\n\n- Raised the threshold\n- Reduced corporate tax rates to 30%",
               "30%", "Chidambaram");
    ck_speaker("The BBC's correspondent in Jakarta, Rachel Harvey, said that prices would "
               "rise 20%.", "20%", "Rachel Harvey");
    ck_speaker("Chris Carr, the committee's political director, released a statement "
               "confirming it will double the 216 staffers.", "216", "Chris Carr");
    ck_speaker("When Fiorina a month later announced 6,000 layoffs, workers felt betrayed.",
               "6,000", "Fiorina");
    ck_speaker("The jet was insured for $35 million in 2011, records show, and aviation experts "
               "say it is worth about $18 million.", "$18", "aviation experts");
    ck_speaker("The day before, at a rally in Beaumont, Mr. Trump was just as blunt, claiming "
               "that Obama wanted to admit 250,000 refugees.", "250,000", "Trump");
    ck_speaker("The two are tied, the new poll indicates, with each receiving the support of "
               "40 percent of voters.", "40", "new poll");
    ck_speaker("Forbes shot back in an article stating that New York was the capital, while "
               "Beijing ranked fourth with 51.", "fourth", "Forbes");
    /* a ranking firm's list is its estimate; "ranks fourth" is no listing */
    ck_speaker("Hurun lists his wealth at $6.5 billion.", "$6.5", "Hurun");
    ck_speaker("Scott spoke on Monday. Among voters, Trump ranks fourth in a two-way race.",
               "fourth", NULL);
}
END_TEST

START_TEST(frame_in_this_poll)
{
    ck_speaker("Trump leads.\n\nIn this poll, Trump rose 1 percentage point since Monday.", "1",
               "this poll");
}
END_TEST

START_TEST(frame_cue_word_as_a_noun_after_of)
{
    /* "of Republican claims" is a noun phrase, not Republican claiming */
    ck_speaker("PolitiFact rated 32% of Republican claims as false, compared to 11% of "
               "Democratic claims.", "11%", "PolitiFact");
    /* a name with "of" still speaks */
    ck_speaker("The Secretary of State said 40 diplomats left.", "40", "Secretary of State");
}
END_TEST

START_TEST(frame_comparison_with_a_forecast)
{
    /* "more than X had projected": what X projected is the compared amount */
    ck_speaker("The deficit is $130 billion more than the Congressional Budget Office had "
               "projected.", "$130", "Congressional Budget Office");
    /* "than" with no cue after it is no frame */
    ck_speaker("The deficit is $130 billion more than the budget office's target.", "$130", NULL);
}
END_TEST

START_TEST(frame_actions_count_as_attribution)
{
    ck_speaker("Clinton unveiled a list of endorsements from 95 retired generals.", "95",
               "Clinton");
    ck_speaker("Federal prosecutors in April charged two Vermont developers with fraud.", "two",
               "Federal prosecutors");
    /* a weak cue needs a clear source: a lower-case organisation is none */
    ck_speaker("Last year the company signed a deal worth $5.4 billion.", "$5.4", NULL);
}
END_TEST

START_TEST(frame_nested_report_goes_to_the_outer_source)
{
    ck_speaker("The AP reported that, according to an analysis of her calendar, 85 of the 154 "
               "meetings were with donors.", "85", "AP");
    /* a report after the claim does not cover it: the nearest source stays */
    ck_speaker("According to an analysis of her calendar, 85 meetings were with donors. The AP "
               "reported it.", "85", "analysis");
}
END_TEST

START_TEST(frame_lists_run_past_semicolons)
{
    /* a poll's list, and a list after "reported that", go on past semicolons */
    ck_speaker("The Morning Consult poll showed that Trump led with 42 percent, followed by Cruz "
               "at 23 percent; Rubio at 12 percent.", "12", "Morning Consult poll");
    ck_speaker("The researchers reported that Apple holds $214 billion offshore; Nike holds "
               "$10.7 billion in United States banks; Goldman holds $28 billion.", "$10.7",
               "researchers");
    /* ... but not into a part with its own cue */
    ck_speaker("The Tax Policy Center estimates that the plan would raise $1.1 trillion; the Tax "
               "Foundation puts the figure at $498 billion.", "$498", "Tax Foundation");
    /* nor past a semicolon when no "that" opens the list */
    ck_speaker("Smith said the plan works; the firm paid $4 million.", "$4", NULL);
}
END_TEST

START_TEST(frame_transcript_label_speaks_for_its_paragraph)
{
    /* a one-word label in capitals opens a transcript's turn; the turn is the paragraph */
    ck_speaker("RAMOS: You said it would cost money. Is 11 million people right?", "11", "RAMOS");
    ck_speaker("\"WALLACE: Let's start with the news. She accepted 5 invitations.\"", "5",
               "WALLACE");
    ck_speaker("Chris Matthews: Seriously, listen. Nobody earns 3 percent now.", "3",
               "Chris Matthews");
    /* a label in the middle of a paragraph is no turn, and lower case is no label */
    ck_speaker("The deal is done. Update: the firm paid $4 million.", "$4", NULL);
    ck_speaker("Note: the firm paid $4 million.", "$4", NULL);
}
END_TEST

START_TEST(quotes_twin_apostrophes)
{
    result r = attrib_of("''It costs $100,000 a month to operate a golf course,'' said Paul "
                         "Chipok, a lawyer in Orlando.", "$100,000");
    ck_assert_str_eq(r.speaker, "Paul Chipok");
    ck_assert_uint_eq(quote_count(&r), 1);
    result_free(&r);
}
END_TEST

START_TEST(quotes_standing_alone_follow_their_introduction)
{
    const char *text = "Budget talks\n\nSenator Mark Warner spoke to reporters on "
                       "Tuesday.\n\n\"We will need 12 more votes before this passes the Senate.\"\n";
    result r = attrib_of(text, "12");
    ck_assert_str_eq(r.speaker, "Mark Warner");
    result_free(&r);
}
END_TEST

/* ---- quotes ---- */


START_TEST(quotes_straight_and_curly)
{
    result r = attrib_of("Hoffman said: \"We spent $5 million on this and it worked.\" Then he left.",
                         "$5");
    ck_assert_str_eq(r.speaker, "Hoffman");
    ck_assert_uint_eq(quote_count(&r), 1);
    ck_assert_str_eq(ct_quote_text(ct_doc_quote(r.doc, 0)),
                     "We spent $5 million on this and it worked.");
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "Hoffman");
    result_free(&r);
    r = attrib_of("\xe2\x80\x9cWe spent $5 million on this and it worked,\xe2\x80\x9d Reid Hoffman "
                  "added.", "$5");
    ck_assert_str_eq(r.speaker, "Reid Hoffman");
    ck_assert_uint_eq(quote_count(&r), 1);
    result_free(&r);
}
END_TEST

START_TEST(quotes_inverted_source_of_one_noun)
{
    /* "said the 46-year-old", "says a narrator": a determiner and one noun */
    result r = attrib_of("\u201CHe is an amazing leader,\u201D said the 46-year-old.", "leader");
    ck_assert_uint_eq(quote_count(&r), 1);
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "46-year-old");
    result_free(&r);
    r = attrib_of("\u201CThe middle class gets crushed,\u201D says a narrator.", "crushed");
    ck_assert_uint_eq(quote_count(&r), 1);
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "narrator");
    result_free(&r);
}
END_TEST

START_TEST(quotes_sentence_of_quote_goes_on_with_the_last_speaker)
{
    result r = attrib_of("\u201CHis knowledge is about 20 years old,\u201D said a longtime "
                         "adviser to Trump, who declined to be identified. \u201CHe does not "
                         "know the new media.\u201D", "20 years");
    ck_assert_uint_eq(quote_count(&r), 2);
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "longtime adviser");
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 1)), "longtime adviser");
    result_free(&r);
}
END_TEST

START_TEST(quotes_interrupted_by_attribution)
{
    const char *text = "Chris Lehane spoke on Monday. \xe2\x80\x9cThere is very real competition "
                       "here,\xe2\x80\x9d Lehane added. \xe2\x80\x9cWe found 3 reasons to be "
                       "worried about it.\xe2\x80\x9d";
    result r = attrib_of(text, "3");
    ck_assert_uint_eq(quote_count(&r), 2);
    /* "Chris Lehane spoke": the later "Lehane" is that person */
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "Chris Lehane");
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 1)), "Chris Lehane");
    ck_assert_str_eq(r.speaker, "Chris Lehane");
    result_free(&r);
    /* the later mention links to the full name */
    text = "Chris Lehane said the race was on. \xe2\x80\x9cThere is very real competition "
           "here,\xe2\x80\x9d Lehane added. \xe2\x80\x9cWe found 3 reasons.\xe2\x80\x9d";
    r = attrib_of(text, "3");
    ck_assert_str_eq(r.speaker, "Chris Lehane");
    result_free(&r);
}
END_TEST

START_TEST(quotes_signed_and_transcript_turns)
{
    /* "“…” ― Name": a signed quote (U+2015 and an em dash) */
    const char *text = "Readers wrote in.\n\n\xe2\x80\x9cHe scares me, and he has for 3 years "
                       "now.\xe2\x80\x9d \xe2\x80\x95 Krystal Correa\n\n\xe2\x80\x9cHe lies "
                       "about it all the time.\xe2\x80\x9d \xe2\x80\x94 Esther Tapia\n";
    result r = attrib_of(text, "3");
    ck_assert_uint_eq(quote_count(&r), 2);
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "Krystal Correa");
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 1)), "Esther Tapia");
    ck_assert_str_eq(r.speaker, "Krystal Correa");
    result_free(&r);
    /* a transcript's turn quoted whole: its label, not the speaker before */
    text = "Mike Pence spoke to Fox.\n\n\"WALLACE: Let's start. She accepted 5 offers.\"\n\n"
           "\"PENCE: Well, she will not attend.\"\n";
    r = attrib_of(text, "5");
    ck_assert_uint_eq(quote_count(&r), 2);
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "WALLACE");
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 1)), "PENCE");
    ck_assert_str_eq(r.speaker, "WALLACE");
    result_free(&r);
}
END_TEST

START_TEST(quotes_after_a_colon_paragraph)
{
    /* "Dr. Ward stated:" and the quote as the next paragraph: hers, not the name inside */
    const char *text = "Dr. Kelli Ward stated:\n\n\"The U.S. Department of Justice has said for "
                       "almost 4 decades that the law is equal.\"\n";
    result r = attrib_of(text, "4");
    ck_assert_uint_eq(quote_count(&r), 1);
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "Kelli Ward");
    ck_assert_str_eq(r.speaker, "Kelli Ward");
    result_free(&r);
    /* no cue, but the subject introduces the quote that follows; not a plain paragraph */
    text = "Sanders spoke on jobs.\n\nOn Monday, Bernie Sanders made the following comment:\n\n"
           "\"The unemployment rate is 33 percent for them.\"\n";
    r = attrib_of(text, "33");
    ck_assert_str_eq(ct_quote_speaker(ct_doc_quote(r.doc, 0)), "Bernie Sanders");
    result_free(&r);
    ck_speaker("Sanders spoke on jobs.\n\nOn Monday, Bernie Sanders made the following "
               "comment:\n\nThe unemployment rate is 33 percent for them.\n", "33", NULL);
}
END_TEST

START_TEST(quotes_nested_single)
{
    result r = attrib_of("\xe2\x80\x9cThey call it \xe2\x80\x98" "bigger is better\xe2\x80\x99 and "
                         "spend $9 billion,\xe2\x80\x9d Whitaker said.", "$9");
    ck_assert_uint_eq(quote_count(&r), 1);
    ck_assert_str_eq(r.speaker, "Whitaker");
    result_free(&r);
}
END_TEST

START_TEST(quotes_scare_quotes_are_not_speech)
{
    result r = attrib_of("Beijing said it would \"complement\" American firms that spent $9 "
                         "billion.", "$9");
    ck_assert_uint_eq(quote_count(&r), 0);
    result_free(&r);
}
END_TEST

START_TEST(quotes_unbalanced_do_not_swallow)
{
    /* a lost closing mark in a one-line article ends with its sentence */
    const char *text = "Smith said \xe2\x80\x9cthe market is going to grow a lot this year. Prices "
                       "rose. Sales rose. Costs rose. Nvidia lost $600 billion on Monday.";
    result r = attrib_of(text, "$600");
    ck_assert_ptr_null(r.speaker);
    ck_assert_uint_eq(quote_count(&r), 1);
    const ct_quote *q = ct_doc_quote(r.doc, 0);
    ck_assert_uint_lt(ct_quote_end(q), tu_find(text, strlen(text), "Prices", 1));
    result_free(&r);
}
END_TEST

START_TEST(colon_introduces_the_next_paragraph_and_its_list)
{
    const char *text = "A story\n\nIn his testimony, Soerens argued that:\n\nl Only 2,200 Syrians "
                       "have been admitted.\n\nl Officials vetted them for 18 months.\n\nThe "
                       "market fell 5 percent.\n";
    ck_speaker(text, "2,200", "Soerens");
    ck_speaker(text, "18 months", "Soerens");
    ck_speaker(text, "5 percent", NULL); /* the list is over */
    /* without a list, only the next paragraph */
    text = "A story\n\nIn his testimony, Soerens argued that:\n\nOnly 2,200 Syrians have been "
           "admitted.\n\nThe market fell 5 percent.\n";
    ck_speaker(text, "2,200", "Soerens");
    ck_speaker(text, "5 percent", NULL);
}
END_TEST

START_TEST(quotes_continue_across_paragraphs)
{
    const char *text = "Signal chief speaks\n\nMeredith Whitaker said: \xe2\x80\x9cThis is not going to disrupt the "
                       "balance of power.\n\n\xe2\x80\x9cWe need to spend $4 billion to keep our "
                       "eyes on the ball.\xe2\x80\x9d\n";
    result r = attrib_of(text, "$4");
    ck_assert_str_eq(r.speaker, "Meredith Whitaker");
    result_free(&r);
}
END_TEST

/* ---- pronouns ---- */

START_TEST(pronouns_resolve_to_last_fitting_speaker)
{
    ck_speaker("Kevin Xu, the founder of Interconnected, spoke on Monday. He said the lab "
               "spent $6 million.", "$6", "Kevin Xu");
    ck_speaker("DeepSeek released a model on Monday, and Liang Wenfeng said it was fast. The "
               "company said it spent $6 million.", "$6", "DeepSeek");
    ck_speaker("Despite costs, Victor Riparbelli, CEO of Synthesia, was calm. \xe2\x80\x9cI think 1% "
               "of work will move,\xe2\x80\x9d he said.", "1%", "Victor Riparbelli");
    /* nobody to resolve to: no guess */
    ck_speaker("He said the lab spent $6 million.", "$6", NULL);
}
END_TEST

/* ---- hedges ---- */

START_TEST(hedges)
{
    result r = attrib_of("The company may possess $500 million worth of GPUs.", "$500");
    ck_assert(r.hedged);
    ck_assert_str_eq(r.hedge, "may");
    result_free(&r);
    r = attrib_of("Liang is reportedly around 40 years old.", "40");
    ck_assert(r.hedged);
    result_free(&r);
    r = attrib_of("\xe2\x80\x9cI think 1% will move,\xe2\x80\x9d Riparbelli said.", "1%");
    ck_assert(r.hedged);
    result_free(&r);
    r = attrib_of("The founder is believed to hold 84% of the fund.", "84%");
    ck_assert(r.hedged);
    ck_assert_str_eq(r.hedge, "believed");
    result_free(&r);
    /* "believe" only after "I" (the sentence loop visits it as a cue) */
    r = attrib_of("Sales rose 12% last year, and I believe 15% is next.", "15%");
    ck_assert(r.hedged);
    ck_assert_str_eq(r.hedge, "believe");
    result_free(&r);
    r = attrib_of("Sales rose 12% last year, and I believe 15% is next.", "12%");
    ck_assert(r.hedged);
    ck_assert_str_eq(r.hedge, "believe");
    result_free(&r);
    r = attrib_of("Sales rose 12% last year; they believe 15% is next.", "12%");
    ck_assert(!r.hedged);
    result_free(&r);
    r = attrib_of("Analysts forecast that sales will reach $9 billion.", "$9");
    ck_assert(r.hedged);
    ck_assert_str_eq(r.speaker, "Analysts");
    result_free(&r);
    r = attrib_of("The deal was signed in May for $5 million.", "$5");
    ck_assert(!r.hedged);
    ck_assert_ptr_null(r.hedge);
    result_free(&r);
}
END_TEST

/* ---- metadata ---- */

START_TEST(metadata_makes_no_speakers)
{
    const char *text = "Trump said taxes rise 5% next year\nwww.example.com\n\nSource : CNBC "
                       "news\n";
    result r = attrib_of(text, "5%");
    ck_assert_ptr_null(r.speaker);
    ck_assert_uint_eq(quote_count(&r), 0);
    result_free(&r);
}
END_TEST

/* ---- the seeds ---- */

START_TEST(seed_hard_cases)
{
    size_t len;
    char *text = tu_read_file(CT_SHARED_DIR "/seeds/002_280b931fd4fb2bfb.txt", &len);
    result r = attrib_of(text, "$500 million");
    ck_assert_str_eq(r.speaker, "SemiAnalysis");
    ck_assert(r.hedged);
    size_t nq = quote_count(&r);
    ck_assert_uint_ge(nq, 15);
    int lehane = 0, hoffman = 0;
    for (size_t i = 0; i < nq; i++) {
        const char *s = ct_quote_speaker(ct_doc_quote(r.doc, i));
        lehane += s && strcmp(s, "Chris Lehane") == 0;
        hoffman += s && strcmp(s, "Reid Hoffman") == 0;
    }
    ck_assert_int_ge(lehane, 3);
    ck_assert_int_ge(hoffman, 5);
    result_free(&r);
    r = attrib_of(text, "0.01%");
    ck_assert_str_eq(r.speaker, "Victor Riparbelli");
    ck_assert(r.hedged);
    result_free(&r);
    r = attrib_of(text, "$6 million");
    ck_assert_str_eq(r.speaker, "DeepSeek");
    result_free(&r);
    free(text);
    text = tu_read_file(CT_SHARED_DIR "/seeds/001_bd6d019c7dd83926.txt", &len);
    r = attrib_of(text, "$600 billion");
    ck_assert_ptr_null(r.speaker);
    result_free(&r);
    r = attrib_of(text, "$3 million");
    ck_assert_str_eq(r.speaker, "Kai-Fu Lee");
    result_free(&r);
    free(text);
}
END_TEST

START_TEST(dense_input_is_linear)
{
    /* many claims and quote marks in one sentence: no rescans per claim */
    size_t n = 200000;
    char *text = malloc(n + 1);
    for (size_t i = 0; i < n; i += 4)
        memcpy(text + i, i % 400 == 0 ? "\"$1 " : "$1 $", 4);
    text[n] = '\0';
    result r = attrib_nth(text, "$1", 40000);
    ck_assert_ptr_null(r.speaker);
    result_free(&r);
    free(text);
}
END_TEST

/* The word table folds ASCII case and nothing else: a probe that matches a hash still
 * compares every byte. */
START_TEST(word_classes_fold_case_exactly)
{
    const char *text = "said SAID Said saId sai saids said1 sa1d Spokesperson SPOKESPERSON "
                       "spokespersoN spokespersox spokesperso Don't DON'T don't dont the THE "
                       "tHe thf a A b";
    ct_segmenter seg;
    ct__segment_init(&seg, text, strlen(text));
    const ct_block *blk;
    ck_assert_int_eq(ct__segment_next(&seg, &blk), 1);
    unsigned f[32];
    size_t n = 0;
    for (size_t i = 0; i < blk->ntoks && n < 32; i++)
        f[n++] = ct__word_flags(text, &blk->toks[i]);
    ck_assert_uint_eq(n, 24);
    ck_assert_uint_ne(f[0], 0);
    for (size_t i = 1; i < 4; i++)
        ck_assert_uint_eq(f[i], f[0]);
    for (size_t i = 4; i < 8; i++)
        ck_assert_uint_eq(f[i], 0);
    ck_assert_uint_ne(f[8], 0);
    ck_assert_uint_eq(f[9], f[8]);
    ck_assert_uint_eq(f[10], f[8]);
    ck_assert_uint_eq(f[11], 0);
    ck_assert_uint_eq(f[12], 0);
    ck_assert_uint_ne(f[13], 0);
    ck_assert_uint_eq(f[14], f[13]);
    ck_assert_uint_eq(f[15], f[13]);
    ck_assert_uint_eq(f[16], 0);
    ck_assert_uint_ne(f[17], 0);
    ck_assert_uint_eq(f[18], f[17]);
    ck_assert_uint_eq(f[19], f[17]);
    ck_assert_uint_eq(f[20], 0);
    ck_assert_uint_ne(f[21], 0);
    ck_assert_uint_eq(f[22], f[21]);
    ck_assert_uint_eq(f[23], 0);
    ct__segment_free(&seg);
}
END_TEST

/* The word tests read a word's bytes several at a time where the text goes on past it,
 * and byte by byte in its last bytes: the same words give the same sources there. */
START_TEST(words_at_the_end_of_the_text)
{
    static const char *const ends[] = {"", ". The rest of the story follows."};
    for (int k = 0; k < 2; k++) {
        char text[160];
        snprintf(text, sizeof text, "Sales will rise 12%%, said Lehane%s", ends[k]);
        ck_speaker(text, "12%", "Lehane");
        snprintf(text, sizeof text, "Sales will rise 12%%, Chris Lehane said%s", ends[k]);
        ck_speaker(text, "12%", "Chris Lehane");
        snprintf(text, sizeof text, "Sales will rise 12%%, according to Reuters%s",
                 ends[k]);
        ck_speaker(text, "12%", "Reuters");
        snprintf(text, sizeof text,
                 "A poll released on Tuesday found 12%% of voters undecided%s", ends[k]);
        ck_speaker(text, "12%", "poll");
        snprintf(text, sizeof text, "Sales will rise 12%%, I believe%s", ends[k]);
        result r = attrib_of(text, "12%");
        ck_assert(r.hedged);
        ck_assert_str_eq(r.hedge, "believe");
        result_free(&r);
    }
}
END_TEST

/* ct__tok_eq() (loads of the token, folded) answers as ct__tok_is() (a byte at a time)
 * for words of every length it takes apart and for bytes its fold could confuse: '@' and
 * '`', '[' and '{', digits and control bytes, a word's end at the text's end */
START_TEST(tok_eq_matches_tok_is)
{
    const char *text = "a A b @ ` of OF Of oF og it IT iT in ON the THE tHe thf the; t-e "
                       "t\015e that THAT thaT that' x@yz x`yz said SAID saI2 sa1d "
                       "their THEIR theiR theif surveys SURVEYS surveyS surveyz survey "
                       "familiar FAMILIAR familiaR familiar1 according ACCORDING accordinG "
                       "accordinh u.s. U.S. u.s! [ab] {ab} k9 K9 k\0319 9-11 x\001y company";
    static const char *const words[] = {
        "a", "b", "@", "of", "it", "in", "on", "the", "t-e", "that", "said", "sa1d",
        "their", "survey", "surveys", "familiar", "according", "u.s", "k9", "9-11",
        "[ab]", "company", "companys", "accordings", "x@yz"};
    ct_segmenter seg;
    ct__segment_init(&seg, text, strlen(text));
    const ct_block *blk;
    ck_assert_int_eq(ct__segment_next(&seg, &blk), 1);
    size_t hits = 0;
    for (size_t i = 0; i < blk->ntoks; i++) {
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
            bool eq = ct__tok_eq(text, &blk->toks[i], words[k]);
            ck_assert_int_eq(eq, ct__tok_is(text, &blk->toks[i], words[k]));
            hits += eq;
        }
    }
    /* and the literal words, folded to constants, as the stages call it */
    for (size_t i = 0; i < blk->ntoks; i++) {
        const ct_token *t = &blk->toks[i];
        ck_assert_int_eq(ct__tok_eq(text, t, "the"), ct__tok_is(text, t, "the"));
        ck_assert_int_eq(ct__tok_eq(text, t, "according"), ct__tok_is(text, t, "according"));
        ck_assert_int_eq(ct__tok_eq(text, t, "a"), ct__tok_is(text, t, "a"));
        ck_assert_int_eq(ct__tok_eq(text, t, "of"), ct__tok_is(text, t, "of"));
    }
    ck_assert_uint_gt(hits, 30);
    ct__segment_free(&seg);
}
END_TEST

/* A mixed-case name ("DeepSeek") named as an object is what "the firm" later refers to:
 * names of 4 to 15 bytes, their small-then-capital pair anywhere in them, and after a
 * name of no such pair the text around it does not make one */
START_TEST(camel_names_of_every_length_are_topics)
{
    static const char *const names[] = {"NeXt",         "OpenAI",          "DeepSeek",
                                        "SemiAnalysis", "AbcdefghijklmNo", "AbcdefghIjklmno",
                                        "AbcdefgHijklmno"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        char text[256];
        snprintf(text, sizeof text,
                 "A headline for the story\n\nInvestors praised %s on Monday.\n\n"
                 "Analysts say the firm's revenue grew 40%% last year.\n",
                 names[k]);
        ct_doc *doc = NULL;
        ck_assert_int_eq(ct_extract(&doc, text, strlen(text), 0), CT_OK);
        ck_assert_uint_eq(ct_doc_claim_count(doc), 1);
        const char *e = ct_claim_entity(ct_doc_claim(doc, 0));
        ck_assert_msg(e && strcmp(e, names[k]) == 0, "%s: entity %s", names[k],
                      e ? e : "(none)");
        ct_doc_free(doc);
    }
    /* "Mcdonald" has no capital inside; "sMcdonald" would: the next word's capital is
     * not the name's */
    const char *text = "A headline for the story\n\nInvestors praised Mcdonaldx Bank on "
                       "Monday.\n\nAnalysts say the firm's revenue grew 40% last year.\n";
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, text, strlen(text), 0), CT_OK);
    ck_assert_uint_eq(ct_doc_claim_count(doc), 1);
    const char *e = ct_claim_entity(ct_doc_claim(doc, 0));
    ck_assert_msg(!e || strcmp(e, "Mcdonaldx") != 0, "entity %s", e);
    ct_doc_free(doc);
}
END_TEST

static Suite *attrib_suite(void)
{
    Suite *s = suite_create("attrib");
    struct {
        const char *name;
        const TTest *fn;
    } cases[] = {
        {"frame_x_said", frame_x_said},
        {"words_at_the_end_of_the_text", words_at_the_end_of_the_text},
        {"frame_told_stated_estimated_claims", frame_told_stated_estimated_claims},
        {"frame_according_to", frame_according_to},
        {"frame_in_a_statement", frame_in_a_statement},
        {"frame_appositive_role_and_org", frame_appositive_role_and_org},
        {"frame_document_speaks_for_its_author", frame_document_speaks_for_its_author},
        {"frame_anonymous_groups", frame_anonymous_groups},
        {"no_attribution_is_outlets_own", no_attribution_is_outlets_own},
        {"frame_polls_and_records", frame_polls_and_records},
        {"frame_parenthetical_and_as", frame_parenthetical_and_as},
        {"frame_role_before_named_aside", frame_role_before_named_aside},
        {"frame_day_and_state_between_source_and_cue", frame_day_and_state_between_source_and_cue},
        {"frame_name_and_colon", frame_name_and_colon},
        {"frame_beliefs_and_stances", frame_beliefs_and_stances},
        {"frame_subject_past_an_aside", frame_subject_past_an_aside},
        {"frame_lists_run_past_semicolons", frame_lists_run_past_semicolons},
        {"frame_actions_count_as_attribution", frame_actions_count_as_attribution},
        {"frame_comparison_with_a_forecast", frame_comparison_with_a_forecast},
        {"frame_cue_word_as_a_noun_after_of", frame_cue_word_as_a_noun_after_of},
        {"frame_in_this_poll", frame_in_this_poll},
        {"frame_source_past_an_adverbial_aside", frame_source_past_an_adverbial_aside},
        {"frame_trailing_source_speaks_for_all_before_it",
         frame_trailing_source_speaks_for_all_before_it},
        {"frame_short_colon_line_introduces_the_next",
         frame_short_colon_line_introduces_the_next},
        {"frame_participle_after_a_frame", frame_participle_after_a_frame},
        {"frame_cue_followed_by_a_bound_or_a_day", frame_cue_followed_by_a_bound_or_a_day},
        {"frame_subject_after_a_subordinator", frame_subject_after_a_subordinator},
        {"frame_document_heading_a_long_subject", frame_document_heading_a_long_subject},
        {"frame_adverb_between_source_and_cue", frame_adverb_between_source_and_cue},
        {"frame_nested_report_goes_to_the_outer_source",
         frame_nested_report_goes_to_the_outer_source},
        {"frame_inverted_source_with_lower_case_modifier",
         frame_inverted_source_with_lower_case_modifier},
        {"frame_transcript_label_speaks_for_its_paragraph",
         frame_transcript_label_speaks_for_its_paragraph},
        {"quotes_twin_apostrophes", quotes_twin_apostrophes},
        {"quotes_standing_alone_follow_their_introduction",
         quotes_standing_alone_follow_their_introduction},
        {"quotes_straight_and_curly", quotes_straight_and_curly},
        {"quotes_interrupted_by_attribution", quotes_interrupted_by_attribution},
        {"quotes_inverted_source_of_one_noun", quotes_inverted_source_of_one_noun},
        {"quotes_sentence_of_quote_goes_on_with_the_last_speaker",
         quotes_sentence_of_quote_goes_on_with_the_last_speaker},
        {"quotes_nested_single", quotes_nested_single},
        {"quotes_after_a_colon_paragraph", quotes_after_a_colon_paragraph},
        {"quotes_signed_and_transcript_turns", quotes_signed_and_transcript_turns},
        {"quotes_scare_quotes_are_not_speech", quotes_scare_quotes_are_not_speech},
        {"quotes_unbalanced_do_not_swallow", quotes_unbalanced_do_not_swallow},
        {"quotes_continue_across_paragraphs", quotes_continue_across_paragraphs},
        {"colon_introduces_the_next_paragraph_and_its_list",
         colon_introduces_the_next_paragraph_and_its_list},
        {"pronouns_resolve_to_last_fitting_speaker", pronouns_resolve_to_last_fitting_speaker},
        {"hedges", hedges},
        {"metadata_makes_no_speakers", metadata_makes_no_speakers},
        {"seed_hard_cases", seed_hard_cases},
        {"dense_input_is_linear", dense_input_is_linear},
        {"word_classes_fold_case_exactly", word_classes_fold_case_exactly},
        {"tok_eq_matches_tok_is", tok_eq_matches_tok_is},
        {"camel_names_of_every_length_are_topics", camel_names_of_every_length_are_topics},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        tcase_add_test(tc, cases[i].fn);
        suite_add_tcase(s, tc);
    }
    return s;
}

int main(void) { return tu_run(attrib_suite()); }
